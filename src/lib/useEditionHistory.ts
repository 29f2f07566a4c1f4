/** The editions plugin's global data, and what the theme derives from it. */
import { usePluginData } from '@docusaurus/useGlobalData';
import type { CompactHistory, EditionsGlobalData } from '../../plugins/editions/history-data';
import { useAyinData } from './useAyinData';

export type { CompactHistory };

export function useEditionsData(): EditionsGlobalData {
  return (usePluginData('ayin-editions') as EditionsGlobalData | undefined) ?? { histories: {}, hasNext: false };
}

export function useHistory(code: string): CompactHistory | undefined {
  return useEditionsData().histories[code];
}

/** The edition names, oldest first. */
export function useEditionNames(): string[] {
  return useAyinData().editions.map((e) => e.name);
}

/** Whether the text of `code` is in edition `edition` (present from its first change until repealed or superseded). */
export function holdsText(history: CompactHistory, editionNames: readonly string[], edition: string): boolean {
  const at = editionNames.indexOf(edition);
  const start = editionNames.indexOf(history.changes[0]?.[0] ?? '');
  const endName = history.repealedIn ?? history.supersededIn;
  const end = endName ? editionNames.indexOf(endName) : Infinity;
  return at >= 0 && start >= 0 && at >= start && at < end;
}

export interface EditionChangeItem {
  readonly code: string;
  readonly history: CompactHistory;
  readonly summary?: string;
}

export interface EditionChangeItems {
  readonly previous?: string;
  readonly added: EditionChangeItem[];
  readonly amended: EditionChangeItem[];
  readonly repealed: EditionChangeItem[];
  readonly superseded: EditionChangeItem[];
}

/** What edition `edition` changed, from the histories (the build's audience only). */
export function changesOf(histories: Readonly<Record<string, CompactHistory>>, editionNames: readonly string[], edition: string): EditionChangeItems {
  const index = editionNames.indexOf(edition);
  const result: EditionChangeItems = { previous: index > 0 ? editionNames[index - 1] : undefined, added: [], amended: [], repealed: [], superseded: [] };
  for (const [code, history] of Object.entries(histories)) {
    for (const [name, summary] of history.changes) {
      if (name !== edition) continue;
      if (summary) result.amended.push({ code, history, summary });
      else if (index > 0) result.added.push({ code, history });
    }
    if (history.repealedIn === edition) result.repealed.push({ code, history });
    if (history.supersededIn === edition) result.superseded.push({ code, history });
  }
  return result;
}
