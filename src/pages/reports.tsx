/**
 * `/reports` (supervisors and admins): completion and pass rates per course and per contractor
 * company, learners' attempts and scores, and each question's success rate, hardest first;
 * each with CSV and XLSX downloads, and charts. One filter (company, unit, course, Jalali day
 * range), kept in the URL, narrows the tables, the charts and the downloads alike: they all
 * send the same query. The API decides who may see them.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from '@docusaurus/router';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { reportOverviewRoute, reportRoutes, type CourseReportRow, type QuestionReportRow, type ReportOverview } from '@site/src/api/reports';
import { call, urlOf } from '@site/src/lib/api';
import { useAyinData } from '@site/src/lib/useAyinData';
import SignedIn, { Loading, Notice } from '@site/src/components/Training/SignedIn';
import DataTable from '@site/src/components/Training/DataTable';
import styles from '@site/src/components/Training/styles.module.css';
import SurveyResults from '@site/src/components/Reports/SurveyResults';
import ZeroResults from '@site/src/components/Reports/ZeroResults';
import ReportFilters, { queryOf, useUrlFilter, type Filter } from '@site/src/components/Reports/ReportFilters';
import type { ReportChartProps } from '@site/src/components/Reports/ReportChart';
import LazyChart from '@site/src/components/Reports/LazyChart';

type Rows = Record<string, unknown>[];

/** The tables in a report answer: its array-valued fields (e.g. `courses`, `companies`). */
function tablesOf(data: unknown): [string, Rows][] {
  if (Array.isArray(data)) return [['rows', data as Rows]];
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data).filter((e): e is [string, Rows] => Array.isArray(e[1]) && e[1].every((r) => typeof r === 'object' && r !== null));
}

const TABLE_TITLES: Record<string, string> = {
  courses: 'به تفکیک دوره',
  companies: 'به تفکیک شرکت پیمانکار',
  byCompany: 'به تفکیک شرکت پیمانکار',
  learners: 'فراگیران',
  questions: 'پرسش‌ها (دشوارترین نخست)',
  rows: '',
};

type ReportRoute = (typeof reportRoutes)[keyof typeof reportRoutes];

function useCall<T>(load: () => Promise<T>, key: string) {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  useEffect(() => {
    setState({});
    load().then(
      (data) => setState({ data }),
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    // `key` is the request: the filter's query string.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

function Report({
  title,
  route,
  filter,
  columns,
  hide,
  chart,
}: {
  title: string;
  route: ReportRoute;
  filter: Filter;
  columns?: readonly string[];
  hide?: readonly string[];
  chart?: (rows: Rows) => ReportChartProps | null;
}): ReactNode {
  const query = queryOf(filter);
  const { data, error } = useCall(() => call(route, { query }), `${route.path}?${JSON.stringify(query)}`);
  const rows = (data as { rows?: Rows } | undefined)?.rows;
  const drawn = rows && chart ? chart(rows) : null;
  return (
    <section className={styles.section} aria-label={title}>
      <div className={styles.actions}>
        <Heading as="h2">{title}</Heading>
        <a className="button button--sm button--outline button--primary" href={urlOf(route, { query: { ...query, format: 'csv' } })} download data-format="csv">
          دریافت CSV
        </a>
        <a className="button button--sm button--outline button--primary" href={urlOf(route, { query: { ...query, format: 'xlsx' } })} download data-format="xlsx">
          دریافت XLSX
        </a>
      </div>
      {error ? (
        <Notice kind="danger">{error}</Notice>
      ) : data === undefined ? (
        <Loading />
      ) : (
        <>
          {drawn && <LazyChart {...drawn} />}
          {tablesOf(data).map(([key, rows]) => <DataTable key={key} rows={rows} caption={TABLE_TITLES[key] ?? key} columns={columns} hide={hide} />)}
        </>
      )}
    </section>
  );
}

const passRateChart = (rows: Rows): ReportChartProps => {
  const byCompany = (rows as CourseReportRow[]).filter((r) => r.company !== 'همه' && r.passRate !== null);
  const courses = new Set(byCompany.map((r) => r.course));
  return {
    title: 'نمودار درصد قبولی به تفکیک شرکت',
    valueLabel: 'درصد قبولی',
    percent: true,
    points: byCompany.map((r) => ({ label: courses.size > 1 ? `${r.company} — ${r.courseTitle}` : r.company, value: r.passRate! })),
  };
};

const hardestChart = (rows: Rows): ReportChartProps => ({
  title: 'نمودار دشوارترین پرسش‌ها (درصد پاسخ درست)',
  valueLabel: 'درصد پاسخ درست',
  percent: true,
  points: (rows as QuestionReportRow[])
    .filter((q) => q.correctRate !== null)
    .slice(0, 8)
    .map((q) => ({ label: q.prompt.length > 40 ? `${q.prompt.slice(0, 40)}…` : q.prompt, value: q.correctRate! })),
});

function Overview({ overview }: { overview: { data?: ReportOverview; error?: string } }): ReactNode {
  if (overview.error) return <Notice kind="danger">{overview.error}</Notice>;
  if (!overview.data) return <Loading />;
  const { completionsByMonth, refreshersOutstanding } = overview.data;
  return (
    <section className={styles.section} aria-label="روند پایان دوره و بازآموزی">
      <Heading as="h2">روند پایان دوره و بازآموزی‌های مانده</Heading>
      {completionsByMonth.length ? (
        <LazyChart kind="line" title="نمودار پایان دوره به تفکیک ماه" valueLabel="پایان دوره" points={completionsByMonth.map((m) => ({ label: m.month, value: m.completed }))} />
      ) : (
        <Notice>در این بازه دوره‌ای به پایان نرسیده است.</Notice>
      )}
      {refreshersOutstanding.length ? (
        <LazyChart title="نمودار بازآموزی‌های مانده به تفکیک دوره" valueLabel="بازآموزی مانده" points={refreshersOutstanding.map((r) => ({ label: r.courseTitle, value: r.due }))} />
      ) : (
        <Notice>بازآموزی مانده‌ای نیست.</Notice>
      )}
    </section>
  );
}

function Reports(): ReactNode {
  const { courses } = useAyinData();
  const { search } = useLocation();
  const [urlFilter, setFilter] = useUrlFilter();
  // One object per query string: every report below re-asks exactly when the URL changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const filter = useMemo(() => urlFilter, [search]);
  const query = queryOf(filter);
  const overview = useCall(() => call(reportOverviewRoute, { query }), `overview?${search}`);
  return (
    <>
      <ReportFilters key={search} filter={filter} onChange={setFilter} organisations={overview.data} courses={courses} />
      <Overview overview={overview} />
      <Report
        title="پایان دوره و قبولی، به تفکیک دوره و شرکت"
        route={reportRoutes.courses}
        filter={filter}
        columns={['courseTitle', 'company', 'learners', 'attempted', 'passed', 'completed', 'passRate', 'completionRate']}
        hide={['course']}
        chart={passRateChart}
      />
      <Report
        title="فراگیران"
        route={reportRoutes.learners}
        filter={filter}
        columns={['courseTitle', 'learner', 'username', 'company', 'lessonsOpened', 'lessonsRequired', 'attempts', 'bestScore', 'passed', 'completed', 'certificateCode', 'lastActivity']}
        hide={['course']}
      />
      <Report
        title="پرسش‌ها، دشوارترین نخست"
        route={reportRoutes.questions}
        filter={filter}
        columns={['question', 'type', 'prompt', 'answered', 'correct', 'correctRate']}
        hide={['course']}
        chart={hardestChart}
      />
      <SurveyResults kind="course" filter={filter} />
      <SurveyResults kind="seminar" filter={filter} />
      <ZeroResults />
    </>
  );
}

export default function ReportsPage(): ReactNode {
  return (
    <Layout title="گزارش‌های آموزش" description="گزارش پایان دوره، قبولی و پرسش‌های دشوار برای ناظران">
      <main className={`container ${styles.page}`}>
        <Heading as="h1">گزارش‌های آموزش</Heading>
        <SignedIn what="دیدن گزارش‌ها" roles={['supervisor', 'admin']}>
          {() => <Reports />}
        </SignedIn>
      </main>
    </Layout>
  );
}
