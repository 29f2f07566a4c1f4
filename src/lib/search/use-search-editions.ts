/**
 * The editions as search sees them in this browser, now: which is in force (the default
 * filter) and how each is labelled. Decided at viewing time from the site's editions and
 * today's Tehran date, so an old build never keeps searching a superseded edition.
 */
import { useMemo } from 'react';
import { todayInTehran } from '@site/src/domain/editions';
import { editionLabel, inForceEdition, type EditionLabel } from '@site/src/search/editions';
import { useAyinData } from '@site/src/lib/useAyinData';

export interface SearchEditions {
  /** Published editions, newest first (empty on a site without editions). */
  readonly names: readonly string[];
  readonly inForce: string | undefined;
  label(name: string): EditionLabel | undefined;
}

export function useSearchEditions(): SearchEditions {
  const { editions } = useAyinData();
  return useMemo(() => {
    const today = todayInTehran();
    return {
      names: editions.map((e) => e.name).reverse(),
      inForce: inForceEdition(editions, today),
      label: (name: string) => editionLabel(editions, name, today),
    };
  }, [editions]);
}
