/**
 * The on-demand comparison: checks the two editions named in a URL, fetches their texts
 * (`/edition-texts/<edition>/<CODE>.json`, written by the editions plugin for this build's
 * audience) and compares them with the same functions the build uses.
 */
import type { EditionTexts, RegulationText } from '../domain/edition-history';
import { editionTextPath, EDITION_TEXTS_DIR, editionLabel } from './edition-paths';

const listInPersian = (names: readonly string[]) => names.map((n) => editionLabel(n)).join('، ');

/** A Persian message when the pair cannot be compared; undefined when it can. */
export function checkEditionPair(known: readonly string[], from: string | null, to: string | null): string | undefined {
  if (!from || !to) return 'دو ویرایش را برای مقایسه انتخاب کنید.';
  for (const name of [from, to]) {
    if (!known.includes(name)) return `ویرایش «${editionLabel(name)}» وجود ندارد. ویرایش‌های موجود: ${listInPersian(known)}.`;
  }
  if (from === to) return `هر دو طرف مقایسه ویرایش ${editionLabel(from)} است؛ دو ویرایش متفاوت انتخاب کنید.`;
  return undefined;
}

export function missingTextMessage(edition: string): string {
  return edition === 'next' ? 'این مقرره در پیش‌نویس ویرایش بعد وجود ندارد.' : `این مقرره در ویرایش ${editionLabel(edition)} وجود نداشت.`;
}

async function fetchJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`دریافت ${url} ناموفق بود (${response.status}).`);
  // A missing file may come back as the site's 404 page with status 200 from a dev server.
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return null;
  return (await response.json()) as T;
}

export function fetchText(edition: string, code: string): Promise<RegulationText | null> {
  return fetchJson<RegulationText>(editionTextPath(edition, code));
}

export async function fetchEdition(edition: string): Promise<EditionTexts> {
  const codes = (await fetchJson<string[]>(`/${EDITION_TEXTS_DIR}/${edition}/index.json`)) ?? [];
  const texts = await Promise.all(codes.map((code) => fetchText(edition, code)));
  return { name: edition, texts: new Map(texts.filter((t): t is RegulationText => t !== null).map((t) => [t.code, t])) };
}
