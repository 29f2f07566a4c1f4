/**
 * What the seminar pages receive: plain JSON per seminar, only for the seminars the build's
 * audience may see, with links to related regulations resolved from the corpus (and dropped
 * when the regulation is not in this build, so a contractor's page never links to a staff-only
 * text). Links go to the text in force on the build's day, like lessons' links. No "upcoming"/"past" here: that is decided in the browser, at viewing time.
 */
import type { Corpus } from '../../src/content/corpus';
import { inBuild, type BuildAudience } from '../../src/content/build-audience';
import { buildToday, linkTarget } from '../../src/content/editions';
import { parseRegulationRef } from '../../src/content/schemas/seminar';
import type { SeminarEntry } from '../../src/content/seminars';
import { formatJalaliIso, type JalaliDate } from '../../src/domain/jalali';

export interface SeminarLink {
  readonly title: string;
  readonly url: string;
}

export interface RelatedRegulation {
  readonly code: string;
  readonly title: string;
  /** «ماده ۵» when the reference names a clause. */
  readonly clause?: string;
  readonly url: string;
}

export interface SeminarPageData {
  readonly id: string;
  readonly permalink: string;
  readonly title: string;
  readonly summary: string;
  /** Jalali `1405/07/21` and Tehran `09:00`, as written. */
  readonly date: string;
  readonly time: string;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly durationMinutes: number;
  readonly presenter: { readonly name: string; readonly role: string };
  readonly venue?: string;
  readonly onlineLink?: string;
  readonly audience: readonly string[];
  readonly capacity: number;
  readonly slides: readonly SeminarLink[];
  readonly handouts: readonly SeminarLink[];
  readonly recording?: string;
  readonly regulations: readonly RelatedRegulation[];
  readonly sample: boolean;
}

export function seminarPageData(corpus: Corpus, entry: SeminarEntry, build: BuildAudience, today: JalaliDate): SeminarPageData {
  const s = entry.seminar;
  const regulations = s.regulations.flatMap((ref): RelatedRegulation[] => {
    const { code, anchor } = parseRegulationRef(ref)!;
    // The text the site links to for this code today (the edition in force), as lessons do.
    const reg = linkTarget(corpus, code, today);
    if (!reg || !inBuild(build, reg.frontMatter.audience)) return [];
    // A clause renumbered in that edition: link to the regulation rather than to a missing anchor.
    const clause = anchor ? reg.clauses.find((c) => c.anchor === anchor) : undefined;
    return [{ code, title: reg.frontMatter.title, clause: clause?.label, url: clause ? `${reg.permalink}#${clause.anchor}` : reg.permalink }];
  });
  const link = ({ title, file }: { title: string; file: string }) => ({ title, url: file });
  return {
    id: entry.id,
    permalink: entry.permalink,
    title: s.title,
    summary: s.summary,
    date: formatJalaliIso(s.date),
    time: `${String(s.time.hour).padStart(2, '0')}:${String(s.time.minute).padStart(2, '0')}`,
    startsAt: entry.startsAt,
    endsAt: entry.endsAt,
    durationMinutes: s.durationMinutes,
    presenter: s.presenter,
    venue: s.venue,
    onlineLink: s.onlineLink,
    audience: s.audience,
    capacity: s.capacity,
    slides: s.slides.map(link),
    handouts: s.handouts.map(link),
    recording: s.recording,
    regulations,
    sample: s.sample,
  };
}

/** The seminars of a build, earliest first. */
export function seminarsOfBuild(corpus: Corpus, build: BuildAudience, today: JalaliDate): SeminarPageData[] {
  return corpus.seminars.filter((e) => inBuild(build, e.seminar.audience)).map((e) => seminarPageData(corpus, e, build, today));
}
