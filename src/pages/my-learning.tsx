/**
 * `/my-learning` («یادگیری من»): per course, the lessons opened of those required, the quiz
 * attempts and best score, whether the course is complete, and the certificate when issued.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { trainingRoutes, type CourseProgress, type MyLearning } from '@site/src/api/training';
import { call } from '@site/src/lib/api';
import { fa, formatDate, formatPercent } from '@site/src/lib/format';
import SignedIn, { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';
import SurveyBox from '@site/src/components/Survey/SurveyBox';

function Status({ course }: { course: CourseProgress }): ReactNode {
  if (course.completed) return <span className={`${styles.badge} ${styles.yes}`}>پایان‌یافته</span>;
  const opened = course.lessonsOpened.length;
  if (opened === 0 && course.attempts.length === 0) return <span className={`${styles.badge} ${styles.no}`}>شروع‌نشده</span>;
  return <span className={`${styles.badge} ${styles.no}`}>در حال یادگیری</span>;
}

function Progress({ data }: { data: MyLearning }): ReactNode {
  if (!data.courses.length) return <Notice>هنوز دوره‌ای برای شما تعریف نشده است.</Notice>;
  const issued = new Map((data.certificates ?? []).map((c) => [c.code, c]));
  return (
    <div className={styles.tableWrap}>
    <table className={styles.table}>
      <caption className="sr-only">پیشرفت شما در دوره‌ها</caption>
      <thead>
        <tr>
          <th scope="col">دوره</th>
          <th scope="col">درس‌های خوانده‌شده</th>
          <th scope="col">آزمون</th>
          <th scope="col">بهترین نمره</th>
          <th scope="col">وضعیت</th>
          <th scope="col">گواهی‌نامه</th>
        </tr>
      </thead>
      <tbody>
        {data.courses.map((c) => {
          const submitted = c.attempts.filter((a) => a.submittedAt).length;
          const certificate = c.certificateCode ? issued.get(c.certificateCode) : undefined;
          return (
            <tr key={c.course} data-course={c.course}>
              <th scope="row">
                <a href={`/courses/${c.course}`}>{c.title}</a>
              </th>
              <td className={styles.num}>
                {fa(c.lessonsOpened.length)} از {fa(c.lessonsRequired)}
              </td>
              <td>
                {!c.hasQuiz
                  ? 'ندارد'
                  : submitted === 0
                    ? 'شرکت نکرده‌اید'
                    : `${fa(submitted)} بار${c.passed ? '، قبول' : `، ${fa(c.attemptsLeft)} فرصت دیگر`}`}
              </td>
              <td className={styles.num}>{formatPercent(c.bestScore)}</td>
              <td>
                <Status course={c} />
              </td>
              <td>
                {c.certificateCode ? (
                  <>
                    <a href={`/certificate?code=${encodeURIComponent(c.certificateCode)}`}>
                      مشاهده{certificate ? ` (${formatDate(certificate.issuedAt)})` : ''}
                    </a>
                    {certificate && (
                      <>
                        {' '}
                        <span className={`${styles.badge} ${certificate.status === 'valid' ? styles.yes : styles.no}`} data-certificate-status={certificate.status}>
                          {certificate.statusLabel}
                        </span>
                      </>
                    )}
                    {c.refresherDueOn && (
                      <p className={styles.hint} data-refresher-due={c.course}>
                        <a href={`/refresher?course=${encodeURIComponent(c.course)}`}>بازآموزی لازم</a> (مهلت {c.refresherDueOn})
                      </p>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}

function MyLearningData(): ReactNode {
  const [data, setData] = useState<MyLearning>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    call(trainingRoutes.me).then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (error) return <Notice kind="danger">{error}</Notice>;
  if (!data) return <Loading />;
  return (
    <>
      <p className={styles.hint}>هر دوره وقتی پایان می‌یابد که همهٔ درس‌هایش را باز کرده و در آزمون پایانی آن قبول شده باشید.</p>
      <Progress data={data} />
      {data.courses.some((c) => c.certificateCode) && (
        <section className={styles.section} aria-label="نظرسنجی دوره‌ها">
          <Heading as="h2">نظر شما دربارهٔ دوره‌هایی که گذرانده‌اید</Heading>
          {data.courses
            .filter((c) => c.certificateCode)
            .map((c) => (
              <SurveyBox key={c.course} kind="course" subject={c.course} title={c.title} />
            ))}
        </section>
      )}
    </>
  );
}

export default function MyLearningPage(): ReactNode {
  return (
    <Layout title="یادگیری من" description="پیشرفت شما در دوره‌های آموزشی، آزمون‌ها و گواهی‌نامه‌ها">
      <main className={`container ${styles.page}`}>
        <Heading as="h1">یادگیری من</Heading>
        <SignedIn what="دیدن پیشرفت آموزشی خود">{() => <MyLearningData />}</SignedIn>
      </main>
    </Layout>
  );
}
