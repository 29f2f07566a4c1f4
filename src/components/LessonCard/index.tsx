/** What a lesson takes and teaches, and the regulations it rests on. */
import { useEffect, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { useDoc } from '@docusaurus/plugin-content-docs/client';
import { trainingRoutes } from '@site/src/api/training';
import { ApiRequestError, call, loadSession } from '@site/src/lib/api';
import { toPersianDigits } from '@site/src/domain/digits';
import { useAyinData } from '@site/src/lib/useAyinData';
import ReviewNotice from '@site/src/components/TrainingReview/ReviewNotice';

export interface LessonFrontMatterRaw {
  duration: number;
  objectives?: string[];
  regulations?: string[];
}

/**
 * Reports that a signed-in learner opened this lesson. The server counts a lesson only once it
 * has served the lesson's page to this learner (server/training/README.md, "Proof of study");
 * after a navigation inside the site the page came from the bundle, not the server, so when it
 * answers `lesson_not_served` the page is asked for once and the report sent again. A visitor
 * records nothing; a failure only costs the record, never the page.
 */
function useLessonOpened(lesson: string): void {
  useEffect(() => {
    const course = lesson.split('/')[0];
    if (!course || !lesson.includes('/')) return;
    const report = () => call(trainingRoutes.openLesson, { body: { course, lesson } });
    loadSession()
      .then((session) => session && report().catch(async (error: unknown) => {
        if (!(error instanceof ApiRequestError) || error.code !== 'lesson_not_served') throw error;
        await fetch(window.location.pathname, { credentials: 'same-origin', cache: 'no-cache', headers: { accept: 'text/html' } });
        return report();
      }))
      .catch(() => undefined);
  }, [lesson]);
}

export default function LessonCard({ frontMatter: fm }: { frontMatter: LessonFrontMatterRaw }): ReactNode {
  const { regulations } = useAyinData();
  const lesson = useDoc().metadata.id;
  useLessonOpened(lesson);
  // Every lesson of the course (the quiz is in its last) tells a learner when part of it is under review.
  const course = lesson.includes('/') ? lesson.split('/')[0]! : undefined;
  return (
    <>
    {course && <ReviewNotice course={course} />}
    <aside className="ayin-lesson-card" aria-label="درباره این درس">
      <p>
        <strong>مدت مطالعه:</strong> {toPersianDigits(fm.duration)} دقیقه
      </p>
      {fm.objectives?.length ? (
        <>
          <p><strong>پس از این درس می‌توانید:</strong></p>
          <ul>{fm.objectives.map((o) => <li key={o}>{o}</li>)}</ul>
        </>
      ) : null}
      {fm.regulations?.length ? (
        <p>
          <strong>مقررات مرتبط:</strong>{' '}
          {fm.regulations.map((code, i) => (
            <span key={code}>
              {i > 0 && '، '}
              {/* A text outside this reader's build is named, not linked. */}
              {regulations[code] ? <Link to={regulations[code].permalink}>{regulations[code].title}</Link> : <bdi>{code}</bdi>}
            </span>
          ))}
        </p>
      ) : null}
    </aside>
    </>
  );
}
