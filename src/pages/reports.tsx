/**
 * `/reports` (supervisors and admins): completion and pass rates per course and per contractor
 * company, learners' attempts and scores, and each question's success rate, hardest first;
 * each with a CSV download (`?format=csv`). The API decides who may see them.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { api } from '@site/src/lib/api';
import { useAyinData } from '@site/src/lib/useAyinData';
import SignedIn, { Loading, Notice } from '@site/src/components/Training/SignedIn';
import DataTable from '@site/src/components/Training/DataTable';
import styles from '@site/src/components/Training/styles.module.css';

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

function useReport(path: string) {
  const [state, setState] = useState<{ data?: unknown; error?: string }>({});
  useEffect(() => {
    setState({});
    api<unknown>(path).then(
      (data) => setState({ data }),
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    );
  }, [path]);
  return state;
}

function Report({ title, path, columns, hide }: { title: string; path: string; columns?: readonly string[]; hide?: readonly string[] }): ReactNode {
  const { data, error } = useReport(path);
  const csv = `${path}${path.includes('?') ? '&' : '?'}format=csv`;
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
  const q = `?course=${encodeURIComponent(course)}`;
  return (
    <>
      <Report
        title="پایان دوره و قبولی، به تفکیک دوره و شرکت"
        path="/api/reports/courses"
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
        path={`/api/reports/learners${q}`}
        columns={['learner', 'username', 'company', 'lessonsOpened', 'lessonsRequired', 'attempts', 'bestScore', 'passed', 'completed', 'certificateCode', 'lastActivity']}
        hide={['course', 'courseTitle']}
      />
      <Report
        title="پرسش‌ها، دشوارترین نخست"
        path={`/api/reports/questions${q}`}
        columns={['question', 'type', 'prompt', 'answered', 'correct', 'correctRate']}
        hide={['course']}
      />
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
