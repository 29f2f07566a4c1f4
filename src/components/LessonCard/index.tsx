/** What a lesson takes and teaches, and the regulations it rests on. */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { toPersianDigits } from '@site/src/domain/digits';
import { useAyinData } from '@site/src/lib/useAyinData';

export interface LessonFrontMatterRaw {
  duration: number;
  objectives?: string[];
  regulations?: string[];
}

export default function LessonCard({ frontMatter: fm }: { frontMatter: LessonFrontMatterRaw }): ReactNode {
  const { regulations } = useAyinData();
  return (
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
              <Link to={regulations[code]?.permalink ?? '/regulations/awareness-training'}>{regulations[code]?.title ?? code}</Link>
            </span>
          ))}
        </p>
      ) : null}
    </aside>
  );
}
