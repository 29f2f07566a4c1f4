/**
 * `/reports` (supervisors and admins): completion and pass rates per course and per contractor
 * company, learners' attempts and scores, and each question's success rate, hardest first;
 * each with a CSV download (`?format=csv`). The API decides who may see them.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { reportRoutes } from '@site/src/api/reports';
import { call, urlOf } from '@site/src/lib/api';
import { useAyinData } from '@site/src/lib/useAyinData';
import SignedIn, { Loading, Notice } from '@site/src/components/Training/SignedIn';
import DataTable from '@site/src/components/Training/DataTable';
import styles from '@site/src/components/Training/styles.module.css';
import SurveyResults from '@site/src/components/Reports/SurveyResults';
import ZeroResults from '@site/src/components/Reports/ZeroResults';

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

function useReport(route: ReportRoute, course: string | undefined) {
  const [state, setState] = useState<{ data?: unknown; error?: string }>({});
  useEffect(() => {
    setState({});
    call(route, { query: { course } }).then(
      (data) => setState({ data }),
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    );
  }, [route, course]);
  return state;
}

function Report({ title, route, course, columns, hide }: { title: string; route: ReportRoute; course?: string; columns?: readonly string[]; hide?: readonly string[] }): ReactNode {
  const { data, error } = useReport(route, course);
  const csv = urlOf(route, { query: { course, format: 'csv' } });
  return (
    <section className={styles.section} aria-label={title}>
      <div className={styles.actions}>
        <Heading as="h2">{title}</Heading>
        <a className="button button--sm button--outline button--primary" href={csv} download>
          دریافت CSV
        </a>
      </div>
      {error ? (
        <Notice kind="danger">{error}</Notice>
      ) : data === undefined ? (
        <Loading />
      ) : (
        tablesOf(data).map(([key, rows]) => <DataTable key={key} rows={rows} caption={TABLE_TITLES[key] ?? key} columns={columns} hide={hide} />)
      )}
    </section>
  );
}

function Reports(): ReactNode {
  const { courses } = useAyinData();
  const [course, setCourse] = useState(courses[0]?.id ?? '');
  return (
    <>
      <Report
        title="پایان دوره و قبولی، به تفکیک دوره و شرکت"
        route={reportRoutes.courses}
        columns={['courseTitle', 'company', 'learners', 'attempted', 'passed', 'completed', 'passRate', 'completionRate']}
        hide={['course']}
      />
      <div className={`${styles.field} ${styles.section}`} style={{ maxInlineSize: '24rem' }}>
        <label htmlFor="report-course">دوره برای گزارش فراگیران و پرسش‌ها</label>
        <select id="report-course" value={course} onChange={(e) => setCourse(e.target.value)}>
          {courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <Report
        title="فراگیران"
        route={reportRoutes.learners}
        course={course || undefined}
        columns={['learner', 'username', 'company', 'lessonsOpened', 'lessonsRequired', 'attempts', 'bestScore', 'passed', 'completed', 'certificateCode', 'lastActivity']}
        hide={['course', 'courseTitle']}
      />
      <Report
        title="پرسش‌ها، دشوارترین نخست"
        route={reportRoutes.questions}
        course={course || undefined}
        columns={['question', 'type', 'prompt', 'answered', 'correct', 'correctRate']}
        hide={['course']}
      />
      <SurveyResults kind="course" />
      <SurveyResults kind="seminar" />
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
