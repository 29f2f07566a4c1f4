/**
 * `/acknowledgments` («تأیید وصول ابلاغیه‌ها», supervisors and admins; approvers may read): per
 * announcement who is targeted, who acknowledged on time or late and who is overdue, with
 * names; per company the share acknowledged on time, as a table and a chart; CSV and XLSX.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { ACKNOWLEDGMENT_READERS, ACKNOWLEDGMENT_STATUS_LABELS, acknowledgmentReportRoutes, type AcknowledgmentReportData } from '@site/src/api/inbox';
import { call, urlOf } from '@site/src/lib/api';
import { fa, formatDateTime, formatPercent } from '@site/src/lib/format';
import { formatJalaliLong } from '@site/src/domain/jalali';
import SignedIn, { Loading, Notice } from '@site/src/components/Training/SignedIn';
import page from '@site/src/components/Training/styles.module.css';
import LazyChart from '@site/src/components/Reports/LazyChart';

function Announcements({ data }: { data: AcknowledgmentReportData }): ReactNode {
  if (!data.announcements.length) return <Notice>هیچ ابلاغیه‌ای تأیید وصول نخواسته است.</Notice>;
  return (
    <>
      {data.announcements.map((a) => (
        <section key={a.id} className={page.section} data-announcement={a.id}>
          <Heading as="h3">
            <a href={a.permalink}>{a.title}</a>
          </Heading>
          <p className={page.hint}>
            مهلت: {formatJalaliLong(a.due)} — هدف: {fa(a.targeted)}، تأییدشده: {fa(a.acknowledged)} (در مهلت {fa(a.onTime)}، پس از مهلت {fa(a.late)})، مهلت گذشته: {fa(a.overdue)}
          </p>
          <details>
            <summary>نام‌ها</summary>
            <div className={page.tableWrap}>
              <table className={page.table}>
                <thead>
                  <tr>
                    <th scope="col">نام</th>
                    <th scope="col">شرکت</th>
                    <th scope="col">واحد</th>
                    <th scope="col">وضعیت</th>
                    <th scope="col">زمان تأیید</th>
                  </tr>
                </thead>
                <tbody>
                  {a.people.map((p) => (
                    <tr key={p.userId}>
                      <td>{p.displayName}</td>
                      <td>{p.companyName ?? '—'}</td>
                      <td>{p.unitName ?? '—'}</td>
                      <td>{ACKNOWLEDGMENT_STATUS_LABELS[p.status]}</td>
                      <td>{p.acknowledgedAt === null ? '—' : formatDateTime(p.acknowledgedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      ))}
    </>
  );
}

function Companies({ data }: { data: AcknowledgmentReportData }): ReactNode {
  const bars = data.companies.filter((c) => c.onTimeShare !== null).map((c) => ({ label: c.companyName ?? 'بدون شرکت', value: c.onTimeShare! * 100 }));
  return (
    <>
      <div className={page.tableWrap}>
        <table className={page.table} data-testid="acknowledgment-companies">
          <caption className={page.caption}>سهم تأیید در مهلت به تفکیک شرکت</caption>
          <thead>
            <tr>
              <th scope="col">شرکت</th>
              <th scope="col">هدف</th>
              <th scope="col">تأییدشده</th>
              <th scope="col">در مهلت</th>
              <th scope="col">سهم در مهلت</th>
            </tr>
          </thead>
          <tbody>
            {data.companies.map((c) => (
              <tr key={c.companyCode ?? c.companyName ?? '-'}>
                <td>{c.companyName ?? 'بدون شرکت'}</td>
                <td className={page.num}>{fa(c.targeted)}</td>
                <td className={page.num}>{fa(c.acknowledged)}</td>
                <td className={page.num}>{fa(c.onTime)}</td>
                <td className={page.num}>{c.onTimeShare === null ? '—' : formatPercent(c.onTimeShare * 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LazyChart title="نمودار سهم تأیید در مهلت به تفکیک شرکت" valueLabel="سهم تأیید در مهلت" percent points={bars} />
    </>
  );
}

function ReportData(): ReactNode {
  const [data, setData] = useState<AcknowledgmentReportData>();
  const [error, setError] = useState<string>();
  // The period (Jalali, optional): only announcements due in it are counted — the SV-005 indicator.
  const [typed, setTyped] = useState({ from: '', to: '' });
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  useEffect(() => {
    setError(undefined);
    call(acknowledgmentReportRoutes.report, { query: period }).then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [period]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ ...(typed.from.trim() ? { from: typed.from.trim() } : {}), ...(typed.to.trim() ? { to: typed.to.trim() } : {}) });
  };
  const form = (
    <form className={page.actions} onSubmit={apply} aria-label="بازهٔ گزارش">
      <label>
        از تاریخ{' '}
        <input dir="ltr" inputMode="numeric" placeholder="۱۴۰۴/۰۱/۰۱" size={10} value={typed.from} onChange={(e) => setTyped({ ...typed, from: e.target.value })} />
      </label>{' '}
      <label>
        تا تاریخ{' '}
        <input dir="ltr" inputMode="numeric" placeholder="۱۴۰۴/۱۲/۲۹" size={10} value={typed.to} onChange={(e) => setTyped({ ...typed, to: e.target.value })} />
      </label>{' '}
      <button type="submit" className="button button--primary button--sm">
        نمایش
      </button>
    </form>
  );
  if (error) return (
    <>
      {form}
      <Notice kind="danger">{error}</Notice>
    </>
  );
  if (!data) return <Loading />;
  return (
    <>
      {form}
      <p className={page.actions}>
        <a className="button button--secondary button--sm" href={urlOf(acknowledgmentReportRoutes.report, { query: { ...period, format: 'csv' } })} download>
          دریافت CSV
        </a>{' '}
        <a className="button button--secondary button--sm" href={urlOf(acknowledgmentReportRoutes.report, { query: { ...period, format: 'xlsx' } })} download>
          دریافت XLSX
        </a>
      </p>
      <Heading as="h2">به تفکیک شرکت</Heading>
      <Companies data={data} />
      <Heading as="h2">به تفکیک ابلاغیه</Heading>
      <Announcements data={data} />
    </>
  );
}

export default function AcknowledgmentsPage(): ReactNode {
  return (
    <Layout title="تأیید وصول ابلاغیه‌ها" description="چه کسانی ابلاغیه‌ها را در مهلت تأیید کرده‌اند">
      <main className={`container ${page.page}`}>
        <Heading as="h1">تأیید وصول ابلاغیه‌ها</Heading>
        <SignedIn what="دیدن گزارش تأیید وصول" roles={ACKNOWLEDGMENT_READERS}>
          {() => <ReportData />}
        </SignedIn>
      </main>
    </Layout>
  );
}
