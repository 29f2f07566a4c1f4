/**
 * One search result: breadcrumb, clause title and a highlighted snippet, linking to the clause.
 * A clause from an edition not in force today says so («ویرایش ۱۴۰۳-۰۷ — منسوخ»).
 */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { snippet, highlight, type Segment } from '@site/src/search/highlight';
import type { SearchRecord } from '@site/src/search/record';
import { useSearchEditions } from '@site/src/lib/search/use-search-editions';
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
  const editions = useSearchEditions();
  const edition = hit.kind === 'regulation' && hit.edition !== editions.inForce ? editions.label(hit.edition) : undefined;
  return (
    <Link to={hitUrl(hit)} className={styles.hit} onClick={onNavigate}>
      <span className={styles.crumbs}>
        <span className={styles.kind}>{KIND_LABELS[hit.kind] ?? hit.kind}</span>
        {crumbs.join(' › ')}
        {edition && (
          <span className={styles.edition} data-edition-status={edition.status}>
            {edition.text}
          </span>
        )}
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
