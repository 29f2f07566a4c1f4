/**
 * A learner's refresher («بازآموزی») for one course: the clauses that changed since the
 * completion (their word redline) and the questions that test them, graded on the server.
 * Passing renews the completion; the certificate then reads «معتبر» again.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Heading from '@theme/Heading';
import { trainingRoutes, type Refresher, type RefresherResult } from '@site/src/api/training';
import { call } from '@site/src/lib/api';
import type { LearnerAnswer } from '@site/src/domain/quiz/types';
import { toPersianDigits } from '@site/src/domain/digits';
import RedlineView from '@site/src/components/Redline/RedlineView';
import QuestionInput from '@site/src/components/Quiz/QuestionInput';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';

type Clause = Refresher['clauses'][number];

/** The changed units, one redline per regulation and edition. */
function byRegulation(clauses: readonly Clause[]): Clause[][] {
  const groups = new Map<string, Clause[]>();
  for (const c of clauses) groups.set(`${c.edition}|${c.code}`, [...(groups.get(`${c.edition}|${c.code}`) ?? []), c]);
  return [...groups.values()];
}

function Changes({ clauses }: { clauses: readonly Clause[] }): ReactNode {
  return byRegulation(clauses).map((group) => {
    const units = group.map((c) => c.unit);
    const count = (kind: string) => units.filter((u) => u.change === kind).length;
    const first = group[0]!;
    return (
      <section key={`${first.edition}|${first.code}`} className={styles.section} aria-label={`تغییر ${first.code}`}>
        <Heading as="h3">
          <bdi>{first.code}</bdi> — {first.editionLabel}
          {first.link.url && (
            <>
              {' '}
              <a href={first.link.url}>(متن لازم‌الاجرا)</a>
            </>
          )}
        </Heading>
        <RedlineView diff={{ articles: units, summary: { added: count('added'), removed: count('removed'), amended: count('amended'), unchanged: count('unchanged') } }} showUnchanged={false} />
      </section>
    );
  });
}

function Questions({ refresher, onDone }: { refresher: Refresher; onDone: (r: RefresherResult) => void }): ReactNode {
  const [answers, setAnswers] = useState<Record<string, LearnerAnswer>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = () => {
    setBusy(true);
    setError(undefined);
    call(trainingRoutes.submitRefresher, { params: { course: refresher.course }, body: { answers } }).then(onDone, (e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    });
  };
  return (
    <section className={styles.section} aria-label="پرسش‌های بازآموزی">
      <Heading as="h2">پرسش‌ها</Heading>
      {refresher.questions.length === 0 && <p>این تغییر پرسشی در آزمون ندارد؛ پس از خواندن تغییرات بالا، خواندن آن را تأیید کنید.</p>}
      <ol>
        {refresher.questions.map((q) => (
          <li key={q.id}>
            <fieldset data-question-id={q.id}>
              <legend>{q.prompt}</legend>
              <QuestionInput question={q} answer={answers[q.id]} disabled={busy} onAnswer={(a) => setAnswers((all) => ({ ...all, [q.id]: a }))} onInvalid={setError} />
            </fieldset>
          </li>
        ))}
      </ol>
      {error && <Notice kind="danger">{error}</Notice>}
      <button type="button" className="button button--primary" onClick={submit} disabled={busy}>
        {refresher.questions.length ? 'ارسال پاسخ‌ها' : 'خواندم و تأیید می‌کنم'}
      </button>
    </section>
  );
}

export default function RefresherView({ course }: { course: string }): ReactNode {
  const [refresher, setRefresher] = useState<Refresher>();
  const [result, setResult] = useState<RefresherResult>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    call(trainingRoutes.refresher, { params: { course } }).then(setRefresher, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [course]);
  useEffect(load, [load]);

  if (error) return <Notice kind="danger">{error}</Notice>;
  if (!refresher) return <Loading />;
  const verify = `/verify/${refresher.certificateCode}`;
  const outcome = result && (
    <Notice kind={result.result.passed ? 'success' : 'warning'}>
      <span data-testid="refresher-outcome">
        {result.result.passed
          ? `بازآموزی را گذراندید. گواهی‌نامهٔ شما اکنون «${result.certificate.statusLabel}» است و بر پایهٔ ${result.certificate.restsOn}.`
          : `در بازآموزی قبول نشدید (${toPersianDigits(result.result.correct)} پاسخ درست از ${toPersianDigits(result.result.total)}). تغییرات را دوباره بخوانید و دوباره پاسخ دهید.`}{' '}
        <a href={verify}>وضعیت گواهی‌نامه</a>
      </span>
    </Notice>
  );
  if (!refresher.due) {
    return (
      <>
        {outcome}
        {!result && (
          <Notice kind="success">
            بازآموزی لازم نیست: گواهی‌نامهٔ شما «{refresher.statusLabel}» است و بر پایهٔ {refresher.restsOn}. <a href={verify}>وضعیت گواهی‌نامه</a>
          </Notice>
        )}
      </>
    );
  }
  return (
    <>
      {outcome}
      <Notice kind={refresher.overdue ? 'danger' : 'warning'}>
        <strong>بازآموزی لازم</strong>: پس از گذراندن این دوره، {refresher.editions.join('، ')} بندهایی را که دوره به آن‌ها استناد می‌کند تغییر داده است. مهلت بازآموزی: {refresher.dueOn}
        {refresher.overdue ? ' (گذشته است)' : ''}.
      </Notice>
      <Heading as="h2">آنچه تغییر کرده است</Heading>
      <Changes clauses={refresher.clauses} />
      <Questions
        key={refresher.attemptId ?? 'none'}
        refresher={refresher}
        onDone={(r) => {
          setResult(r);
          load();
        }}
      />
    </>
  );
}
