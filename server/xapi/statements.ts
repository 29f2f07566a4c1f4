/**
 * Builds the xAPI statements of learning events: pure, no database, no network. IRIs are under
 * the public origin: the learner is an account on Ayin's homepage (their username), a course is
 * `<origin>/courses/<id>`, its quiz `…/quiz`, its refresher `…/refresher`, an edition
 * `<origin>/editions/<name>` (its page), or `<origin>/regulations` for the text not yet in an edition.
 */
import { ADL_VERBS, type XapiStatement, type XapiVerb } from './statement-schema';

const VERB_DISPLAY: Record<XapiVerb, { 'fa-IR': string; 'en-US': string }> = {
  attempted: { 'fa-IR': 'آزمون را آغاز کرد', 'en-US': 'attempted' },
  passed: { 'fa-IR': 'قبول شد', 'en-US': 'passed' },
  failed: { 'fa-IR': 'قبول نشد', 'en-US': 'failed' },
  completed: { 'fa-IR': 'به پایان رساند', 'en-US': 'completed' },
};

const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  edition: 'http://id.tincanapi.com/activitytype/document',
} as const;

export interface Learner {
  readonly username: string;
  readonly displayName: string;
}

export interface LearningEvent {
  /** The statement's id, fixed before the row is written. */
  readonly id: string;
  readonly verb: XapiVerb;
  readonly learner: Learner;
  readonly course: { readonly id: string; readonly title: string };
  /** What was done: the course itself, its quiz, or its refresher. */
  readonly activity: 'course' | 'quiz' | 'refresher';
  /** The edition's name (`1404-09`), or null for the text not yet in an edition. */
  readonly edition: string | null;
  /** 0–100, for graded events. */
  readonly score?: number;
  readonly at: number;
}

export function statementOf(event: LearningEvent, origin: string): XapiStatement {
  const base = origin.replace(/\/$/, '');
  const courseIri = `${base}/courses/${encodeURIComponent(event.course.id)}`;
  const course = { objectType: 'Activity' as const, id: courseIri, definition: { type: ACTIVITY_TYPES.course, name: { 'fa-IR': event.course.title } } };
  const object =
    event.activity === 'course'
      ? course
      : {
          objectType: 'Activity' as const,
          id: `${courseIri}/${event.activity}`,
          definition: { type: ACTIVITY_TYPES.assessment, name: { 'fa-IR': `${event.activity === 'quiz' ? 'آزمون' : 'بازآموزی'} ${event.course.title}` } },
        };
  const editionIri = event.edition ? `${base}/editions/${encodeURIComponent(event.edition)}` : `${base}/regulations`;
  const edition = {
    objectType: 'Activity' as const,
    id: editionIri,
    definition: { type: ACTIVITY_TYPES.edition, name: { 'fa-IR': event.edition ? `ویرایش ${event.edition}` : 'متن جاری' } },
  };
  const graded = event.verb === 'passed' || event.verb === 'failed';
  return {
    id: event.id,
    version: '1.0.3',
    actor: { objectType: 'Agent', name: event.learner.displayName, account: { homePage: `${base}/`, name: event.learner.username } },
    verb: { id: ADL_VERBS[event.verb], display: VERB_DISPLAY[event.verb] },
    object,
    ...(graded && event.score !== undefined
      ? { result: { score: { scaled: event.score / 100, raw: event.score, min: 0 as const, max: 100 as const }, success: event.verb === 'passed', completion: true } }
      : event.verb === 'completed'
        ? { result: { completion: true } }
        : {}),
    context: {
      platform: 'آیین',
      language: 'fa-IR',
      contextActivities: { ...(event.activity === 'course' ? {} : { parent: [course] }), grouping: [edition] },
      extensions: { [`${base}/xapi/extensions/edition`]: event.edition ?? 'current' },
    },
    timestamp: new Date(event.at).toISOString(),
  };
}
