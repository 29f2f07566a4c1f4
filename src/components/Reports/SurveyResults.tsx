/**
 * Survey results on `/reports`: per course or seminar, presenter and company. A group below
 * the minimum shows only «کمتر از ۵ پاسخ» (the server sends no means and no comments for it).
 */
import { useEffect, useState, type ReactNode } from 'react';
import Heading from '@theme/Heading';
import { surveyRoutes, type SurveyGroupView, type SurveyResults as Results } from '@site/src/api/surveys';
import { call } from '@site/src/lib/api';
import { fa } from '@site/src/lib/format';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';
import LazyChart from './LazyChart';
import { queryOf, type Filter } from './ReportFilters';

const mean = (v: number | null | undefined) => (v === null || v === undefined ? '—' : fa(v.toFixed(1)));

function GroupTable({ caption, groups, results }: { caption: string; groups: readonly SurveyGroupView[]; results: Results }): ReactNode {
  if (!groups.length) return null;
  const few = `کمتر از ${fa(results.minimum)} پاسخ`;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">گروه</th>
            <th scope="col">پاسخ‌ها</th>
            <th scope="col">میانگین کل (از ۵)</th>
            {results.questions.map((q) => (
              <th scope="col" key={q.id}>
                {q.text}
              </th>
            ))}
            <th scope="col">توضیح‌ها</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key} data-survey-group={g.key}>
              <th scope="row">{g.label}</th>
              <td className={styles.num}>{fa(g.answers)}</td>
              {g.hidden ? (
                <td colSpan={results.questions.length + 2} data-hidden="true">
                  {few}
                </td>
              ) : (
                <>
                  <td className={styles.num}>{mean(g.overall)}</td>
                  {results.questions.map((q) => (
                    <td className={styles.num} key={q.id}>
                      {mean(g.means?.[q.id])}
                    </td>
                  ))}
                  <td>{g.comments?.length ? <ul>{g.comments.map((c, i) => <li key={i}>{c}</li>)}</ul> : '—'}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function SurveyResults({ kind, filter = {} }: { kind: 'course' | 'seminar'; filter?: Filter }): ReactNode {
  const [state, setState] = useState<{ data?: Results; error?: string }>({});
  const query = queryOf(filter);
  const key = JSON.stringify(query);
  useEffect(() => {
    setState({});
    call(surveyRoutes.results, { params: { kind }, query }).then(
      (data) => setState({ data }),
      (e: unknown) => setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    // `key` is the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, key]);
  const title = kind === 'course' ? 'نظرسنجی دوره‌ها' : 'نظرسنجی همایش‌ها';
  return (
    <section className={styles.section} aria-label={title}>
      <Heading as="h2">{title}</Heading>
      {state.error ? (
        <Notice kind="danger">{state.error}</Notice>
      ) : !state.data ? (
        <Loading />
      ) : !state.data.bySubject.length ? (
        <Notice>هنوز پاسخی ثبت نشده است.</Notice>
      ) : (
        <>
          <p className={styles.hint}>برای بی‌نام ماندن پاسخ‌ها، گروهی که کمتر از {fa(state.data.minimum)} پاسخ دارد فقط با شمار پاسخ‌هایش نشان داده می‌شود.</p>
          {/* Only groups at or above the minimum are drawn: a withheld group has no mean to draw. */}
          <LazyChart
            title={kind === 'course' ? 'نمودار میانگین رضایت از دوره‌ها به تفکیک شرکت (از ۵)' : 'نمودار میانگین رضایت از همایش‌ها به تفکیک شرکت (از ۵)'}
            valueLabel="میانگین کل"
            points={state.data.byCompany.filter((g) => !g.hidden && g.overall !== null).map((g) => ({ label: g.label, value: g.overall! }))}
          />
          <GroupTable caption={kind === 'course' ? 'به تفکیک دوره' : 'به تفکیک همایش'} groups={state.data.bySubject} results={state.data} />
          <GroupTable caption="به تفکیک ارائه‌دهنده" groups={state.data.byPresenter} results={state.data} />
          <GroupTable caption="به تفکیک شرکت" groups={state.data.byCompany} results={state.data} />
        </>
      )}
    </section>
  );
}
