/**
 * Where the rebuild after the latest publication stands, per audience (queued, being built,
 * served, failed with the reason) and then search. Polls the server while anything is pending:
 * the approver sees their edition reach the editors' build first, then the readers' builds.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { publishRoutes } from '@site/src/api/editorial';
import type { ResponseOf } from '@site/src/api/route';
import { editionLabel } from '@site/src/lib/edition-paths';
import { call } from '@site/src/lib/api';
import { fa, formatDateTime } from '@site/src/lib/format';
import { Notice } from '@site/src/components/Training/SignedIn';
import styles from './styles.module.css';

type Status = ResponseOf<typeof publishRoutes.status>;

const AUDIENCE_LABELS: Record<Status['audiences'][number]['audience'], string> = {
  editor: 'نسخه ویراستاران',
  staff: 'نسخه کارکنان',
  contractor: 'نسخه پیمانکاران',
  public: 'نسخه عمومی',
};
const STATE_LABELS: Record<Status['audiences'][number]['state'], string> = {
  queued: 'در نوبت ساخت',
  building: 'در حال ساخت',
  served: 'ساخته و جایگزین شد',
  failed: 'ساخت انجام نشد',
};
const SEARCH_LABELS: Record<Status['search']['state'], string> = {
  waiting: 'پس از ساخت نسخه‌ها',
  indexing: 'در حال به‌روزرسانی',
  done: 'به‌روز شد',
  failed: 'به‌روز نشد',
  off: 'نمایه آفلاین همراه هر نسخه به‌روز می‌شود',
};
const POLL_MS = 2000;
const pending = (s: Status) => s.audiences.some((a) => a.state === 'queued' || a.state === 'building') || s.search.state === 'indexing' || (s.search.state === 'waiting' && s.audiences.length > 0);

/** `watch` changes (a new publication) restart the polling. */
export default function RebuildProgress({ watch }: { watch: number }): ReactNode {
  const [status, setStatus] = useState<Status | { error: string }>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = () =>
      call(publishRoutes.status).then(
        (s) => {
          if (stopped) return;
          setStatus(s);
          if (pending(s)) timer = setTimeout(poll, POLL_MS);
        },
        (e: Error) => !stopped && setStatus({ error: e.message }),
      );
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [watch]);
  if (!status || ('configured' in status && (!status.configured || status.edition === null))) return null;
  if ('error' in status) return <Notice kind="danger">{status.error}</Notice>;
  return (
    <section aria-labelledby="rebuild" className={styles.panel} data-testid="rebuild-progress" aria-live="polite">
      <h3 id="rebuild">ساخت دوباره سایت پس از انتشار ویرایش {status.edition ? editionLabel(status.edition) : ''}</h3>
      <ul>
        {status.audiences.map((a) => (
          <li key={a.audience} data-audience={a.audience} data-state={a.state}>
            {AUDIENCE_LABELS[a.audience]}: {STATE_LABELS[a.state]} <small>(از {formatDateTime(a.since)})</small>
            {a.message && <div className={styles.problem}>{a.message}</div>}
          </li>
        ))}
        <li data-state={status.search.state}>
          جست‌وجو: {SEARCH_LABELS[status.search.state]}
          {status.search.message && <div className={styles.problem}>{status.search.message}</div>}
        </li>
      </ul>
    </section>
  );
}
