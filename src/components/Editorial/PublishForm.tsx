/**
 * The approvers' publish form: name, Jalali effective date, notification number and date,
 * summary. «بررسی پیش از انتشار» shows the dry-run plan or every refusal (beside its field, or
 * naming the text); «انتشار» is offered only after a clean plan of the same answers, and the
 * server checks everything again.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { publishRoutes } from '@site/src/api/editorial';
import type { ResponseOf } from '@site/src/api/route';
import { call, ApiRequestError } from '@site/src/lib/api';
import { fa, formatDate } from '@site/src/lib/format';
import { editionLabel } from '@site/src/lib/edition-paths';
import { Notice } from '@site/src/components/Training/SignedIn';
import RebuildProgress from './RebuildProgress';
import styles from './styles.module.css';

type Planned = ResponseOf<typeof publishRoutes.plan>;
type Field = 'name' | 'effective' | 'notificationNumber' | 'notificationDate' | 'summary';
const LABELS: Record<Field, string> = { name: 'نام ویرایش', effective: 'تاریخ اجرا', notificationNumber: 'شماره ابلاغیه', notificationDate: 'تاریخ ابلاغیه', summary: 'خلاصه' };
// The edition name is isolated left-to-right (U+2066…U+2069): in a right-to-left line «۱۴۰۶-۰۷» would show its halves swapped.
const HINTS: Partial<Record<Field, string>> = { name: 'سال و ماه تاریخ اجرا، مانند \u2066۱۴۰۶-۰۷\u2069؛ خالی: از تاریخ اجرا', effective: 'مانند ۱۴۰۶/۰۷/۰۱', notificationDate: 'مانند ۱۴۰۶/۰۶/۱۰' };
const list = (codes: readonly string[]) => (codes.length ? codes.join('، ') : '—');

export default function PublishForm(): ReactNode {
  const [form, setForm] = useState<Record<Field, string>>({ name: '', effective: '', notificationNumber: '', notificationDate: '', summary: '' });
  const [planned, setPlanned] = useState<{ for: string; result: Planned }>();
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'danger'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [publications, setPublications] = useState(0);
  const body = () => ({ ...form, name: form.name.trim() || undefined });
  const key = JSON.stringify(form);

  async function plan(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setOutcome(undefined);
    try {
      setPlanned({ for: key, result: await call(publishRoutes.plan, { body: body() }) });
    } catch (e) {
      setOutcome({ kind: 'danger', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }
  async function publish() {
    setBusy(true);
    try {
      const done = await call(publishRoutes.publish, { body: body() });
      setOutcome({ kind: 'success', text: `ویرایش ${editionLabel(done.plan.name)} منتشر شد${done.rebuild === 'started' ? '؛ ساخت دوباره سایت آغاز شد و تا پایان آن، نسخه پیشین نمایش داده می‌شود' : ''}.` });
      setPlanned(undefined);
      setPublications((n) => n + 1);
    } catch (e) {
      setOutcome({ kind: 'danger', text: e instanceof ApiRequestError || e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  const problems = planned?.result.problems ?? [];
  const fieldProblem = (field: Field) => problems.find((p) => p.field === field)?.message;
  const clean = planned && planned.for === key && planned.result.plan && problems.length === 0;
  return (
    <section aria-labelledby="publish">
      <h2 id="publish">انتشار ویرایش بعدی</h2>
      <form onSubmit={plan} noValidate className={styles.publish}>
        {(Object.keys(LABELS) as Field[]).map((field) => (
          <div key={field} className={styles.field}>
            <label htmlFor={`publish-${field}`}>{LABELS[field]}</label>
            {field === 'summary' ? (
              <textarea id={`publish-${field}`} rows={3} value={form[field]} onChange={(e) => setForm({ ...form, [field]: e.target.value })} aria-invalid={Boolean(fieldProblem(field))} />
            ) : (
              <input id={`publish-${field}`} value={form[field]} onChange={(e) => setForm({ ...form, [field]: e.target.value })} aria-invalid={Boolean(fieldProblem(field))} />
            )}
            {HINTS[field] && <small>{HINTS[field]}</small>}
            {fieldProblem(field) && <small role="alert" className={styles.problem}>{fieldProblem(field)}</small>}
          </div>
        ))}
        <button type="submit" className="button button--secondary" disabled={busy}>
          بررسی پیش از انتشار
        </button>
      </form>
      {planned && problems.some((p) => !p.field) && (
        <Notice kind="danger">
          انتشار ممکن نیست:
          <ul>
            {problems.filter((p) => !p.field).map((p, i) => (
              <li key={i}>
                {p.where && <bdi dir="ltr">{p.where}</bdi>} {p.message}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {planned?.result.plan && (
        <div className={styles.panel} data-testid="publish-plan">
          <p>
            ویرایش {editionLabel(planned.result.plan.name)}، لازم‌الاجرا از {formatDate(planned.result.plan.effective)}
            {planned.result.plan.previous ? `، پس از ویرایش ${editionLabel(planned.result.plan.previous)}` : ''}.
          </p>
          <ul>
            <li>افزوده: {list(planned.result.plan.added)}</li>
            <li>اصلاح‌شده: {list(planned.result.plan.amended)}</li>
            <li>منسوخ: {list(planned.result.plan.repealed)}</li>
            <li>بدون تغییر: {fa(planned.result.plan.unchanged)} متن</li>
          </ul>
          {clean && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void publish()}>
              انتشار
            </button>
          )}
        </div>
      )}
      {outcome && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <RebuildProgress watch={publications} />
    </section>
  );
}
