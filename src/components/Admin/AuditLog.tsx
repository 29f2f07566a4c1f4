/** The audit log of admin actions (newest first), as the admin page shows it. */
import { useEffect, useState, type ReactNode } from 'react';
import { adminRoutes, AUDIT_ACTION_LABELS, type AuditEntry } from '@site/src/api/admin';
import { call } from '@site/src/lib/api';
import { fa, formatDateTime } from '@site/src/lib/format';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';

function detailOf(entry: AuditEntry): string {
  if (entry.action === 'contractors.import') return `${fa(entry.target)} کاربر`;
  return entry.target;
}

/** `version` changes after each action, so the log is read again. */
export default function AuditLog({ version }: { version: number }): ReactNode {
  const [entries, setEntries] = useState<readonly AuditEntry[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    call(adminRoutes.audit).then(
      (r) => setEntries(r.entries),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [version]);
  if (error) return <Notice kind="danger">{error}</Notice>;
  if (!entries) return <Loading />;
  if (!entries.length) return <Notice>هنوز کاری ثبت نشده است.</Notice>;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>گزارش کارهای مدیریتی ({fa(entries.length)} مورد اخیر)</caption>
        <thead>
          <tr>
            <th scope="col">زمان</th>
            <th scope="col">کاربر مدیر</th>
            <th scope="col">کار</th>
            <th scope="col">روی</th>
            <th scope="col">نشانی</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td><bdi className={styles.code}>{e.actor}</bdi></td>
              <td>{AUDIT_ACTION_LABELS[e.action]}</td>
              <td><bdi>{detailOf(e)}</bdi></td>
              <td><bdi className={styles.code}>{e.address}</bdi></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
