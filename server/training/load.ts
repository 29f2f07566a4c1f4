/**
 * The training catalog from the build's private server manifest (`server/manifest/`): courses
 * with their audiences, lessons (pages and lengths) and quizzes with their answer keys, which
 * no site build ships; links to cited clauses in the text in force; and the editions. The
 * server reads what the build wrote, never the source tree, so it grades against exactly the
 * content that was published.
 */
import { resolveEditionAt, todayInTehran, type DatedEdition } from '../../src/domain/editions';
import { asQuizDefinition } from '../../src/content/schemas/quiz';
import type { ManifestSource } from '../manifest/source';
import type { ServerManifest } from '../manifest/schema';
import { createCatalog, liveCatalog, type TrainingCatalog } from './catalog';

export { lessonIdOfFile } from '../manifest/from-corpus';

export function catalogFromManifest(manifest: ServerManifest): TrainingCatalog {
  return createCatalog({
    courses: manifest.courses.map((c) => ({
      id: c.id,
      title: c.title,
      audience: c.audience,
      lessons: c.lessons.map((l) => l.id),
      lessonPages: c.lessons,
      ...(c.quiz ? { quiz: asQuizDefinition(c.quiz) } : {}),
      retiredQuestions: c.retiredQuestions,
      ...(c.validForMonths ? { validForMonths: c.validForMonths } : {}),
    })),
    regulationPath: regulationPathsByDay(manifest),
    editions: manifest.editions,
    staleFlags: manifest.stale,
  });
}

/** The catalog of the manifest in force, reloaded with it. */
export function trainingCatalogOf(source: ManifestSource): TrainingCatalog {
  return liveCatalog(() => source.current(), catalogFromManifest);
}

/**
 * A regulation's page (the text in force today) by code: the edition in force (or, before the
 * first, the first), else the newest edition that has it; `docs/` on a site without editions.
 * Today's Jalali date is cheap but not free (Intl), and a graded attempt asks for a dozen
 * links: the date is remembered for a minute and the links for the day.
 */
function regulationPathsByDay(manifest: ServerManifest): (code: string) => string | undefined {
  const byCode = new Map(manifest.regulations.map((r) => [r.code, r]));
  const editions: readonly DatedEdition[] = manifest.editions;
  let checkedAt = 0;
  let day = '';
  let paths = new Map<string, string | undefined>();
  const resolve = (code: string, date: { year: number; month: number; day: number }) => {
    const reg = byCode.get(code);
    if (!reg) return undefined;
    if (!editions.length) return reg.current ?? undefined;
    const at = resolveEditionAt(editions, date);
    const listed = at.status === 'in-force' ? at.edition : at.status === 'before-first' ? at.first : undefined;
    if (listed && reg.editions[listed.name]) return reg.editions[listed.name];
    for (const edition of [...editions].reverse()) if (reg.editions[edition.name]) return reg.editions[edition.name];
    return undefined;
  };
  return (code) => {
    const now = Date.now();
    if (now - checkedAt > 60_000) {
      const today = todayInTehran(new Date(now));
      const key = `${today.year}/${today.month}/${today.day}`;
      if (key !== day) paths = new Map();
      day = key;
      checkedAt = now;
    }
    if (!paths.has(code)) {
      const [year, month, dayOfMonth] = day.split('/').map(Number) as [number, number, number];
      paths.set(code, resolve(code, { year, month, day: dayOfMonth }));
    }
    return paths.get(code);
  };
}
