/**
 * «متن لازم‌الاجرا در تاریخ …»: a Jalali date picker. The reader types a date (۱۴۰۳/۰۵/۱۰,
 * 1403/5/10) or picks day, month (Persian names) and year; the site goes to the same
 * regulation (or area) in the edition in force on that day. The edition is in the URL, so the
 * choice stays while browsing.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { useHistory as useRouterHistory } from '@docusaurus/router';
import { jalaaliMonthLength } from 'jalaali-js';
import { parseDateInput } from '@site/src/domain/date-input';
import { toPersianDigits } from '@site/src/domain/digits';
import { formatJalaliNumeric, jalaliMonthName, type JalaliDate } from '@site/src/domain/jalali';
import { useAyinData } from '@site/src/lib/useAyinData';
import { datedEditions } from '@site/src/lib/edition-status';
import { resolvePointInTime, type PointInTime } from '@site/src/lib/point-in-time';
import { useEditionsData } from '@site/src/lib/useEditionHistory';
import styles from './styles.module.css';

interface Props {
  /** The page to keep (`connection-sales/cs-002` or an area); none: the edition's index. */
  readonly page?: string;
  readonly initial?: string;
}

export default function PointInTimePicker({ page, initial = '' }: Props): ReactNode {
  const id = useId();
  const router = useRouterHistory();
  const { editions: editionList, taxonomy } = useAyinData();
  const editions = datedEditions(editionList);
  const areaOrder = taxonomy.areas.map((a) => a.id);
  const { histories } = useEditionsData();
  const [text, setText] = useState(initial);
  const [result, setResult] = useState<PointInTime | null>(null);
  const parsed = parseDateInput(text);
  const picked: JalaliDate | undefined = parsed.ok ? parsed.date : undefined;
  const firstYear = (editions[0]?.date.year ?? 1403) - 1;
  const lastYear = (editions.at(-1)?.date.year ?? 1405) + 1;
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);

  const pick = (part: Partial<JalaliDate>) => {
    const base = picked ?? { year: editions.at(-1)?.date.year ?? 1404, month: 1, day: 1 };
    const next = { ...base, ...part };
    const day = Math.min(next.day, jalaaliMonthLength(next.year, next.month));
    setText(formatJalaliNumeric({ ...next, day }));
    setResult(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const resolved = resolvePointInTime(editions, histories, text, page, areaOrder);
    setResult(resolved);
    if (resolved.kind === 'go') router.push(resolved.to);
  };

  return (
    <form className={styles.picker} onSubmit={submit} aria-labelledby={`${id}-label`} data-testid="point-in-time">
      <div id={`${id}-label`} className={styles.label}>
        متن لازم‌الاجرا در تاریخ
      </div>
      <div className={styles.row}>
        <input
          id={`${id}-date`}
          className={styles.input}
          inputMode="numeric"
          placeholder="۱۴۰۳/۰۵/۱۰"
          aria-label="تاریخ (سال/ماه/روز)"
          aria-invalid={result?.kind === 'error' && !parsed.ok}
          aria-describedby={`${id}-message`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setResult(null);
          }}
        />
        <button type="submit" className="button button--sm button--primary">
          برو
        </button>
      </div>
      <div className={styles.row}>
        <select aria-label="روز" value={picked?.day ?? ''} onChange={(e) => pick({ day: Number(e.target.value) })}>
          <option value="" disabled>
            روز
          </option>
          {Array.from({ length: 31 }, (_, i) => i + 1).map((d) => (
            <option key={d} value={d}>
              {toPersianDigits(d)}
            </option>
          ))}
        </select>
        <select aria-label="ماه" value={picked?.month ?? ''} onChange={(e) => pick({ month: Number(e.target.value) })}>
          <option value="" disabled>
            ماه
          </option>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <option key={m} value={m}>
              {jalaliMonthName(m)}
            </option>
          ))}
        </select>
        <select aria-label="سال" value={picked?.year ?? ''} onChange={(e) => pick({ year: Number(e.target.value) })}>
          <option value="" disabled>
            سال
          </option>
          {years.map((y) => (
            <option key={y} value={y}>
              {toPersianDigits(y)}
            </option>
          ))}
        </select>
      </div>
      <div id={`${id}-message`} role="status" className={styles.message}>
        {result?.kind === 'error' && (
          <span className={styles.error} data-testid="point-in-time-error">
            {result.message} {result.link && <Link to={result.link.to}>{result.link.label}</Link>}
          </span>
        )}
      </div>
    </form>
  );
}
