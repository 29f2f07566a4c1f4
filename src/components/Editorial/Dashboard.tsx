/**
 * کارتابل ویرایش: the next edition's changes by state, each with who holds it and since when,
 * its word redline against the latest published text, the transitions the server allows the
 * reader (the server decides again on each), and its history (transitions and git log).
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { editorialRoutes } from '@site/src/api/editorial';
import type { ResponseOf } from '@site/src/api/route';
import { call } from '@site/src/lib/api';
import { fa, formatDateTime } from '@site/src/lib/format';
import { editionLabel } from '@site/src/lib/edition-paths';
import { Segments } from '@site/src/components/Redline/RedlineView';
import redlineStyles from '@site/src/components/Redline/styles.module.css';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from './styles.module.css';

type Change = ResponseOf<typeof editorialRoutes.changes>['changes'][number];
type History = ResponseOf<typeof editorialRoutes.history>;
type Redline = ResponseOf<typeof editorialRoutes.redline>;

const STATES: readonly { id: Change['state']; title: string }[] = [
  { id: 'draft', title: 'پیش‌نویس' },
  { id: 'in-review', title: 'در حال بررسی' },
  { id: 'approved', title: 'تأیید شده' },
];
const HOLDER = { authors: 'نویسندگان', reviewers: 'بررسی‌کنندگان' } as const;
const ACTION_LABELS = { edit: 'ویرایش', submit: 'فرستادن برای بررسی', 'send-back': 'برگرداندن', approve: 'تأیید' } as const;

function RedlinePanel({ path }: { path: string }): ReactNode {
  const [redline, setRedline] = useState<Redline | { error: string }>();
  useEffect(() => {
    call(editorialRoutes.redline, { query: { path } }).then(setRedline, (e: Error) => setRedline({ error: e.message }));
  }, [path]);
  if (!redline) return <Loading />;
  if ('error' in redline) return <Notice kind="warning">{redline.error}</Notice>;
  const changed = redline.articles.filter((a) => a.change !== 'unchanged');
  return (
    <div className={styles.panel} data-testid="redline">
      <p>{redline.edition ? `در برابر متن ویرایش ${editionLabel(redline.edition)}` : 'متن تازه؛ در ویرایش‌های منتشرشده نیست.'}</p>
      {changed.length === 0 && <p>متن با ویرایش منتشرشده فرقی ندارد.</p>}
      {changed.map((a) => (
        <div key={a.anchor} className={redlineStyles.unit} data-change={a.change}>
          <div className={redlineStyles.unitTitle}>
            <Segments segments={a.titleSegments} />
          </div>
          <p className={redlineStyles.text}>
            <Segments segments={a.segments} />
          </p>
        </div>
      ))}
    </div>
  );
}

function HistoryPanel({ path }: { path: string }): ReactNode {
  const [history, setHistory] = useState<History | { error: string }>();
  useEffect(() => {
    call(editorialRoutes.history, { query: { path } }).then(setHistory, (e: Error) => setHistory({ error: e.message }));
  }, [path]);
  if (!history) return <Loading />;
  if ('error' in history) return <Notice kind="warning">{history.error}</Notice>;
  return (
    <div className={styles.panel} data-testid="history">
      <h4>گردش کار</h4>
      <ol>
        {history.transitions.map((t, i) => (
          <li key={i}>
            {ACTION_LABELS[t.action]} ({STATES.find((s) => s.id === t.from)?.title} ← {STATES.find((s) => s.id === t.to)?.title}) — {formatDateTime(t.at)}
            {t.reason && <> — دلیل: «{t.reason}»</>}
          </li>
        ))}
      </ol>
      <h4>ثبت‌های گیت</h4>
      <ol>
        {history.commits.map((c) => (
          <li key={c.sha}>
            {c.author} — {formatDateTime(c.at)} — <bdi>{c.subject}</bdi> <code dir="ltr">{c.sha.slice(0, 8)}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

function ChangeCard({ change, onChanged }: { change: Change; onChanged: () => void }): ReactNode {
  const [open, setOpen] = useState<'redline' | 'history' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function act(body: Parameters<typeof call<typeof editorialRoutes.transition>>[1]) {
    setBusy(true);
    setError(undefined);
    try {
      await call(editorialRoutes.transition, body);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  function sendBack(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setError('دلیل برگرداندن را بنویسید.');
      return;
    }
    void act({ body: { path: change.path, action: 'send-back', reason: reason.trim() } });
  }

  return (
    <article className={styles.card} data-path={change.path} aria-label={change.path}>
      <h3 className={styles.path}>
        <bdi dir="ltr">{change.path}</bdi>
      </h3>
      <p>
        {change.stateLabel} · در دست {change.heldBy ? HOLDER[change.heldBy] : '—'} از {formatDateTime(change.since)}
      </p>
      {error && (
        <div className="alert alert--danger" role="alert">
          {error}
        </div>
      )}
      <div className={styles.actions}>
        {change.allowed.includes('submit') && (
          <button type="button" className="button button--primary button--sm" disabled={busy} onClick={() => void act({ body: { path: change.path, action: 'submit' } })}>
            {ACTION_LABELS.submit}
          </button>
        )}
        {change.allowed.includes('approve') && (
          <button type="button" className="button button--success button--sm" disabled={busy} onClick={() => void act({ body: { path: change.path, action: 'approve', textHash: change.textHash } })}>
            {ACTION_LABELS.approve}
          </button>
        )}
        <button type="button" className="button button--secondary button--sm" onClick={() => setOpen(open === 'redline' ? null : 'redline')}>
          متن اصلاحی
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={() => setOpen(open === 'history' ? null : 'history')}>
          تاریخچه
        </button>
      </div>
      {change.allowed.includes('send-back') && (
        <form className={styles.sendBack} onSubmit={sendBack} noValidate>
          <label htmlFor={`reason-${change.path}`}>دلیل برگرداندن</label>
          <textarea id={`reason-${change.path}`} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} aria-invalid={error === 'دلیل برگرداندن را بنویسید.'} />
          <button type="submit" className="button button--warning button--sm" disabled={busy}>
            {ACTION_LABELS['send-back']}
          </button>
        </form>
      )}
      {open === 'redline' && <RedlinePanel path={change.path} />}
      {open === 'history' && <HistoryPanel path={change.path} />}
    </article>
  );
}

export default function Dashboard(): ReactNode {
  const [changes, setChanges] = useState<Change[] | { error: string }>();
  const load = useCallback(() => {
    call(editorialRoutes.changes).then((r) => setChanges(r.changes), (e: Error) => setChanges({ error: e.message }));
  }, []);
  useEffect(load, [load]);
  if (!changes) return <Loading />;
  if ('error' in changes) return <Notice kind="danger">{changes.error}</Notice>;
  return (
    <>
      {STATES.map((state) => {
        const inState = changes.filter((c) => c.state === state.id);
        return (
          <section key={state.id} aria-labelledby={`state-${state.id}`} className={styles.state}>
            <h2 id={`state-${state.id}`}>
              {state.title} ({fa(inState.length)})
            </h2>
            {inState.length === 0 ? <p>موردی نیست.</p> : inState.map((c) => <ChangeCard key={c.path} change={c} onChanged={load} />)}
          </section>
        );
      })}
    </>
  );
}
