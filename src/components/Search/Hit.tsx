/** One search result: breadcrumb, clause title and a highlighted snippet, linking to the clause. */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { snippet, highlight, type Segment } from '@site/src/search/highlight';
import type { SearchRecord } from '@site/src/search/record';
import styles from './styles.module.css';

export const KIND_LABELS: Record<string, string> = {
  regulation: 'مقرره',
  lesson: 'درس',
  announcement: 'ابلاغیه',
  glossary: 'واژه‌نامه',
  seminar: 'سمینار',
};

export function hitUrl(hit: SearchRecord): string {
  return hit.anchor ? `${hit.url}#${hit.anchor}` : hit.url;
}

export function Marked({ segments }: { segments: readonly Segment[] }): ReactNode {
  return segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>));
}

export default function Hit({ hit, isMatch, compact = false, onNavigate }: { hit: SearchRecord; isMatch: (w: string) => boolean; compact?: boolean; onNavigate?: () => void }): ReactNode {
  const crumbs = hit.hierarchy.slice(0, -1);
  return (
    <Link to={hitUrl(hit)} className={styles.hit} onClick={onNavigate}>
      <span className={styles.crumbs}>
        <span className={styles.kind}>{KIND_LABELS[hit.kind] ?? hit.kind}</span>
        {crumbs.join(' › ')}
      </span>
      <span className={styles.title}>
        <Marked segments={highlight(hit.title, isMatch)} />
      </span>
      {hit.content && (
        <span className={styles.snippet}>
          <Marked segments={snippet(hit.content, isMatch, compact ? 18 : 32)} />
        </span>
      )}
    </Link>
  );
}
