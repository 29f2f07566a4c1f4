/**
 * A redline, grouped by article: each article's own text, then its notes. Insertions and
 * deletions differ without colour — an insertion is underlined and marked «+», a deletion is
 * struck through and marked «−» — and each carries a visually hidden «افزوده:» / «حذف‌شده:»
 * for screen readers. Colour is only a third cue, and print keeps the marks.
 */
import type { ReactNode } from 'react';
import { articleOf, changeSummary, unitName } from '@site/src/domain/edition-history';
import type { ArticleDiff, DiffSegment, RegulationDiff } from '@site/src/domain/word-diff';
import { toPersianDigits } from '@site/src/domain/digits';
import styles from './styles.module.css';

export function Segments({ segments }: { segments: readonly DiffSegment[] }): ReactNode {
  return segments.map((s, i) =>
    s.kind === 'same' ? (
      <span key={i}>{s.text}</span>
    ) : s.kind === 'inserted' ? (
      <ins key={i} className={styles.ins}>
        <span className="sr-only">افزوده: </span>
        {s.text}
      </ins>
    ) : (
      <del key={i} className={styles.del}>
        <span className="sr-only">حذف‌شده: </span>
        {s.text}
      </del>
    ),
  );
}

const BADGE: Record<ArticleDiff['change'], string> = {
  added: 'افزوده',
  removed: 'حذف‌شده',
  amended: 'اصلاح‌شده',
  unchanged: 'بدون تغییر',
};

function Unit({ unit }: { unit: ArticleDiff }): ReactNode {
  const isNote = unit.anchor.includes('تبصره');
  return (
    <div className={`${styles.unit} ${styles[unit.change]}`} data-change={unit.change} data-anchor={unit.anchor}>
      <div className={isNote ? styles.noteTitle : styles.unitTitle}>
        {isNote ? unitName(unit.anchor, unit.title) : <Segments segments={unit.titleSegments} />}
        {unit.change !== 'unchanged' && <span className={styles.badge}>{BADGE[unit.change]}</span>}
      </div>
      {unit.segments.length > 0 && (
        <p className={styles.text}>
          <Segments segments={unit.segments} />
        </p>
      )}
    </div>
  );
}

/** Units of the same article (its text and its notes) go in one group; other sections stand alone. */
function groups(articles: readonly ArticleDiff[]): ArticleDiff[][] {
  const result: ArticleDiff[][] = [];
  let key: string | undefined;
  for (const unit of articles) {
    const article = articleOf(unit.anchor);
    const unitKey = article === undefined ? `section:${unit.anchor}` : `article:${article}`;
    if (unitKey !== key || !result.length) result.push([]);
    result[result.length - 1]!.push(unit);
    key = unitKey;
  }
  return result;
}

export default function RedlineView({ diff, showUnchanged = true }: { diff: RegulationDiff & { titleChanged?: boolean }; showUnchanged?: boolean }): ReactNode {
  const summary = changeSummary(diff);
  return (
    <div className={styles.redline}>
      <p className={styles.summary} data-testid="redline-summary">
        <strong>خلاصه تغییرات: </strong>
        {summary || 'متن دو ویرایش یکسان است.'}
      </p>
      <p className={styles.legend}>
        راهنما: <ins className={styles.ins}>متن افزوده</ins> با زیرخط و نشان «+»؛ <del className={styles.del}>متن حذف‌شده</del> با خط‌خوردگی و نشان «−».
        {' '}
        {toPersianDigits(diff.summary.amended)} بخش اصلاح‌شده، {toPersianDigits(diff.summary.added)} افزوده، {toPersianDigits(diff.summary.removed)} حذف‌شده.
      </p>
      {groups(diff.articles)
        .filter((group) => showUnchanged || group.some((u) => u.change !== 'unchanged'))
        .map((group) => (
          <section key={group[0]!.anchor || 'top'} className={styles.group} data-article={articleOf(group[0]!.anchor) ?? ''}>
            {group.map((unit) => (
              <Unit key={unit.anchor || 'top'} unit={unit} />
            ))}
          </section>
        ))}
    </div>
  );
}
