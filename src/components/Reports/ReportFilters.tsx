/**
 * The supervision reports' filters: company, service unit, course and a Jalali day range,
 * kept in the page's URL (`/reports?company=…&from=1404/01/01`) so a filtered report can be
 * bookmarked and sent. Dates are read as people type them (۱۴۰۴/۰۱/۰۱ or 1404/1/1) with the
 * same domain code the server's schema uses; an impossible date is refused here, in Persian,
 * at its field, and the server refuses it again.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import { REPORT_FILTER_KEYS, type ReportFilter, type ReportOverview } from '@site/src/api/reports';
import { parseDateInput } from '@site/src/domain/date-input';
import { compareJalali } from '@site/src/domain/jalali';
import { toAsciiDigits, toPersianDigits } from '@site/src/domain/digits';
import styles from '@site/src/components/Training/styles.module.css';

export type Filter = Partial<Record<(typeof REPORT_FILTER_KEYS)[number], string>>;

/** The filter the URL holds (unknown keys ignored). */
export function useUrlFilter(): [Filter, (next: Filter) => void] {
  const location = useLocation();
  const history = useHistory();
  const params = new URLSearchParams(location.search);
  const filter: Filter = {};
  for (const key of REPORT_FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const set = (next: Filter) => {
    const query = new URLSearchParams();
    for (const key of REPORT_FILTER_KEYS) if (next[key]) query.set(key, next[key]!);
    history.replace({ pathname: location.pathname, search: query.toString() ? `?${query}` : '' });
  };
  return [filter, set];
}

/** The filter as an API query: only the keys that are set. */
export const queryOf = (filter: Filter): Partial<ReportFilter> => Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Partial<ReportFilter>;

const LABELS = { from: 'از تاریخ', to: 'تا تاریخ' } as const;

export default function ReportFilters({
  filter,
  onChange,
  organisations,
  courses,
}: {
  filter: Filter;
  onChange: (next: Filter) => void;
  organisations: Pick<ReportOverview, 'companies' | 'units'> | undefined;
  courses: readonly { id: string; title: string }[];
}): ReactNode {
  // The URL keeps ASCII digits; the reader sees the dates in Persian digits, as typed elsewhere.
  const [draft, setDraft] = useState<Filter>(() => ({
    ...filter,
    ...(filter.from ? { from: toPersianDigits(filter.from) } : {}),
    ...(filter.to ? { to: toPersianDigits(filter.to) } : {}),
  }));
  const [errors, setErrors] = useState<Partial<Record<'from' | 'to', string>>>({});
  const field = (key: keyof Filter) => ({ value: draft[key] ?? '', onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    const next: Filter = { ...draft };
    const days: Partial<Record<'from' | 'to', ReturnType<typeof parseDateInput>>> = {};
    for (const key of ['from', 'to'] as const) {
      const text = draft[key]?.trim();
      if (!text) {
        delete next[key];
        continue;
      }
      const parsed = parseDateInput(text);
      days[key] = parsed;
      if (!parsed.ok) found[key] = `«${LABELS[key]}»: ${parsed.message}`;
      // The URL keeps ASCII digits: one form for the server and for links.
      else next[key] = toAsciiDigits(text);
    }
    const from = days.from;
    const to = days.to;
    if (from?.ok && to?.ok && compareJalali(from.date, to.date) > 0) found.to = `«${LABELS.to}»: تاریخ پایان پیش از تاریخ آغاز است.`;
    setErrors(found);
    if (!Object.keys(found).length) onChange(next);
  }

  const dateField = (key: 'from' | 'to') => (
    <div className={styles.field}>
      <label htmlFor={`report-${key}`}>{LABELS[key]}</label>
      <input id={`report-${key}`} inputMode="numeric" placeholder="۱۴۰۴/۰۱/۰۱" dir="ltr" aria-invalid={Boolean(errors[key])} aria-describedby={errors[key] ? `report-${key}-error` : undefined} {...field(key)} />
      {errors[key] && (
        <p id={`report-${key}-error`} className={styles.fieldError} role="alert">
          {errors[key]}
        </p>
      )}
    </div>
  );

  return (
    <form className={styles.section} onSubmit={submit} noValidate aria-label="پالایش گزارش‌ها" data-testid="report-filters">
      <div style={{ display: 'grid', gap: '0.75rem', gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))' }}>
        <div className={styles.field}>
          <label htmlFor="report-company">شرکت</label>
          <select id="report-company" {...field('company')}>
            <option value="">همهٔ شرکت‌ها</option>
            {organisations?.companies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="report-unit">واحد خدمات</label>
          <select id="report-unit" {...field('unit')}>
            <option value="">همهٔ واحدها</option>
            {organisations?.units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="report-course">دوره</label>
          <select id="report-course" {...field('course')}>
            <option value="">همهٔ دوره‌ها</option>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        {dateField('from')}
        {dateField('to')}
      </div>
      <div className={styles.actions} style={{ marginBlockStart: '0.75rem' }}>
        <button type="submit" className="button button--primary button--sm">
          اعمال پالایه
        </button>
        <button
          type="button"
          className="button button--secondary button--sm"
          onClick={() => {
            setDraft({});
            setErrors({});
            onChange({});
          }}
        >
          پاک کردن پالایه
        </button>
      </div>
    </form>
  );
}
