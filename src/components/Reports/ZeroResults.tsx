/** `/reports` and `/editorial`: the searches that found nothing, counted, newest first (what the texts or the glossary lack). */
import { useEffect, useState, type ReactNode } from 'react';
import Heading from '@theme/Heading';
import { zeroResultReportRoute, type ZeroResultReportRow } from '@site/src/api/reports';
import { call } from '@site/src/lib/api';
import { fa, formatDate } from '@site/src/lib/format';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';

export default function ZeroResults(): ReactNode {
  const [state, setState] = useState<{ rows?: ZeroResultReportRow[]; error?: string }>({});
  useEffect(() => {
    call(zeroResultReportRoute).then(
      (data) => setState({ rows: data.rows }),
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  return (
    <section className={styles.section} aria-label="جست‌وجوهای بی‌نتیجه">
      <Heading as="h2">جست‌وجوهای بی‌نتیجه</Heading>
      <p className={styles.hint}>عبارت‌هایی که جست‌وجو برایشان پاسخی نیافت؛ تازه‌ترین نخست. نشانهٔ متن یا هم‌معنی‌ای که در آیین نیست.</p>
      {state.error ? (
        <Notice kind="danger">{state.error}</Notice>
      ) : !state.rows ? (
        <Loading />
      ) : !state.rows.length ? (
        <Notice>جست‌وجوی بی‌نتیجه‌ای ثبت نشده است.</Notice>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption className="sr-only">جست‌وجوهای بی‌نتیجه</caption>
            <thead>
              <tr>
                <th scope="col">عبارت</th>
                <th scope="col">دفعات</th>
                <th scope="col">نخستین بار</th>
                <th scope="col">آخرین بار</th>
              </tr>
            </thead>
            <tbody>
              {state.rows.map((r) => (
                <tr key={r.query}>
                  <th scope="row">{r.query}</th>
                  <td className={styles.num}>{fa(r.count)}</td>
                  <td className={styles.num}>{formatDate(r.firstSeen)}</td>
                  <td className={styles.num}>{formatDate(r.lastSeen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
