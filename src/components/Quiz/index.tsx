/**
 * `<Quiz course="meter-reading" />`: the course's final quiz, in a lesson. The page carries no
 * question: the server draws them, keeps the answers and grades. Flow: the quiz's rules and
 * the learner's past attempts → start (or resume the open attempt, after a reload too) → each
 * answer saved as it is given → countdown to the server's deadline → submit → score,
 * pass/fail, and per question the explanation and the clauses it tests.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import { toPersianDigits as fa } from '@site/src/domain/digits';
import { trainingRoutes, type LearnerAnswer } from '@site/src/api/training';
import { call, ApiRequestError, signInHref, useSession } from '@site/src/lib/api';
import { formatCountdown, formatDateTime, formatPercent, toDate } from '@site/src/lib/format';
import { useAyinData } from '@site/src/lib/useAyinData';
import QuestionInput from './QuestionInput';
import { summaryScore, type Attempt, type AttemptResult, type QuizOverview } from './types';
import styles from './styles.module.css';

type SaveState = { readonly status: 'saving' } | { readonly status: 'saved' } | { readonly status: 'error'; readonly message: string };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function Rules({ overview }: { overview: QuizOverview }): ReactNode {
  const { quiz } = overview;
  return (
    <ul className={styles.rules}>
      <li>تعداد پرسش‌ها: {fa(quiz.draw)}</li>
      <li>نمرهٔ قبولی: {formatPercent(quiz.passMark)}</li>
      <li>
        تعداد دفعات مجاز: {fa(quiz.maxAttempts)} (استفاده‌شده: {fa(overview.attempts.length)})
      </li>
      <li>{quiz.timeLimitMinutes ? `زمان: ${fa(quiz.timeLimitMinutes)} دقیقه` : 'بدون محدودیت زمانی'}</li>
    </ul>
  );
}

function PastAttempts({ overview }: { overview: QuizOverview }): ReactNode {
  const done = overview.attempts.filter((a) => a.submittedAt);
  if (!done.length) return null;
  return (
    <table className={styles.attempts}>
      <caption>آزمون‌های پیشین شما</caption>
      <thead>
        <tr>
          <th scope="col">نوبت</th>
          <th scope="col">تاریخ</th>
          <th scope="col">نمره</th>
          <th scope="col">نتیجه</th>
        </tr>
      </thead>
      <tbody>
        {done.map((a, i) => {
          const { score, passed } = summaryScore(a);
          return (
            <tr key={a.id}>
              <td>{fa(a.number ?? i + 1)}</td>
              <td>{formatDateTime(a.submittedAt)}</td>
              <td>{formatPercent(score)}</td>
              <td>{passed === null ? '—' : passed ? 'قبول' : 'مردود'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Countdown({ deadline, skew, onExpire }: { deadline: number | string; skew: number; onExpire: () => void }): ReactNode {
  // The deadline on this device's clock: the server's deadline less how far the server is ahead.
  const end = (toDate(deadline)?.getTime() ?? Date.now()) - skew;
  const [left, setLeft] = useState(() => end - Date.now());
  const expired = useRef(false);
  useEffect(() => {
    const tick = () => {
      const ms = end - Date.now();
      setLeft(ms);
      if (ms <= 0 && !expired.current) {
        expired.current = true;
        onExpire();
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [end, onExpire]);
  const minutesLeft = Math.ceil(left / 60_000);
  return (
    <p className={`${styles.countdown} ${left < 60_000 ? styles.urgent : ''}`}>
      زمان باقی‌مانده: <span className={styles.clock}>{formatCountdown(left)}</span>
      {/* Announced once a minute, not every second. */}
      <span className="sr-only" aria-live="polite">
        {left > 0 ? `${fa(minutesLeft)} دقیقه مانده است.` : 'زمان آزمون به پایان رسید.'}
      </span>
    </p>
  );
}

function Result({ attempt, result }: { attempt: Attempt; result: AttemptResult }): ReactNode {
  const prompts = new Map(attempt.questions.map((q) => [q.id, q.prompt]));
  const { regulations } = useAyinData();
  return (
    <section className={styles.result} aria-labelledby={`result-${attempt.id}`}>
      <div className={`alert ${result.passed ? 'alert--success' : 'alert--danger'}`} role="status">
        <h3 id={`result-${attempt.id}`} className={styles.resultTitle}>
          {result.passed ? 'قبول شدید' : 'قبول نشدید'}
        </h3>
        <p className={styles.score}>
          نمرهٔ شما: {formatPercent(result.score)} — {fa(result.correct)} پاسخ درست از {fa(result.total)} پرسش
        </p>
      </div>
      <ol className={styles.review}>
        {result.perQuestion.map((q) => (
          <li key={q.id} className={q.correct ? styles.right : styles.wrong} data-question-id={q.id}>
            <p className={styles.prompt}>{prompts.get(q.id)}</p>
            <p>
              <strong>{q.correct ? 'پاسخ شما درست بود.' : 'پاسخ شما نادرست بود.'}</strong> {q.explanation}
            </p>
            {q.cites.length > 0 && (
              <p className={styles.cites}>
                مستند:{' '}
                {q.cites.map((c, i) => (
                  <span key={`${c.code}${c.anchor ?? ''}`}>
                    {i > 0 && '، '}
                    {c.url ? <a href={c.url}>{c.label}</a> : c.label}
                    {/* Which regulation: its title when this build has it, else its code. */}
                    {' '}
                    {regulations[c.code] ? `(${regulations[c.code]!.title})` : <bdi className={styles.code}>({c.code})</bdi>}
                  </span>
                ))}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function AttemptForm({ attempt, onSubmitted }: { attempt: Attempt; onSubmitted: (attempt: Attempt) => void }): ReactNode {
  const [skew] = useState(() => {
    const serverNow = toDate(attempt.now)?.getTime();
    return serverNow === undefined ? 0 : serverNow - Date.now();
  });
  const [answers, setAnswers] = useState<Record<string, LearnerAnswer>>({ ...attempt.answers });
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const [invalid, setInvalid] = useState<Record<string, string | undefined>>({});
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const [closed, setClosed] = useState(false);
  // One save at a time per question, in the order given, so a slow request cannot overwrite a newer answer.
  const chains = useRef(new Map<string, Promise<unknown>>());

  const submit = useCallback(async () => {
    setSubmitting(true);
    setError(undefined);
    try {
      await Promise.allSettled([...chains.current.values()]);
      onSubmitted(await call(trainingRoutes.submit, { params: { id: attempt.id }, body: {} }));
    } catch (e) {
      setError(errorText(e));
      setSubmitting(false);
    }
  }, [attempt, onSubmitted]);

  const save = (questionId: string, answer: LearnerAnswer) => {
    setAnswers((a) => ({ ...a, [questionId]: answer }));
    setSaves((s) => ({ ...s, [questionId]: { status: 'saving' } }));
    const previous = chains.current.get(questionId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => call(trainingRoutes.saveAnswer, { params: { id: attempt.id, questionId }, body: { answer } }))
      .then(
        () => setSaves((s) => ({ ...s, [questionId]: { status: 'saved' } })),
        (e: unknown) => {
          setSaves((s) => ({ ...s, [questionId]: { status: 'error', message: errorText(e) } }));
          if (e instanceof ApiRequestError && (e.code === 'time_up' || e.code === 'attempt_closed')) {
            setClosed(true);
            setError(e.message);
          }
        },
      );
    chains.current.set(questionId, next);
  };

  const answered = attempt.questions.filter((q) => answers[q.id] !== undefined).length;
  const total = attempt.questions.length;
  return (
    <form
      className={styles.attempt}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={`آزمون، نوبت ${fa(attempt.number)}`}
    >
      <div className={styles.sticky}>
        <p className={styles.progress}>
          پاسخ داده‌شده: {fa(answered)} از {fa(total)}
        </p>
        {attempt.deadline && <Countdown deadline={attempt.deadline} skew={skew} onExpire={() => void submit()} />}
      </div>
      <ol className={styles.questions}>
        {attempt.questions.map((q, index) => {
          const state = saves[q.id];
          const problem = invalid[q.id];
          return (
            <li key={q.id}>
              <fieldset className={styles.question} data-question-id={q.id} data-question-type={q.type} aria-describedby={`q-${q.id}-status`}>
                <legend>
                  <span className={styles.qnum}>
                    پرسش {fa(index + 1)} از {fa(total)}
                  </span>
                  <span className={styles.prompt}>{q.prompt}</span>
                </legend>
                <QuestionInput
                  question={q}
                  answer={answers[q.id]}
                  disabled={submitting || closed}
                  onAnswer={(answer) => save(q.id, answer)}
                  onInvalid={(message) => setInvalid((m) => ({ ...m, [q.id]: message }))}
                />
                <p id={`q-${q.id}-status`} className={styles.saveState} aria-live="polite" data-save-state={problem ? 'invalid' : (state?.status ?? 'none')}>
                  {problem ??
                    (state?.status === 'saving'
                      ? 'در حال ذخیره…'
                      : state?.status === 'saved'
                        ? 'پاسخ ذخیره شد.'
                        : state?.status === 'error'
                          ? state.message
                          : attempt.answers[q.id] !== undefined
                            ? 'پاسخ پیشین شما ذخیره شده است.'
                            : '')}
                </p>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {error && (
        <div className="alert alert--danger" role="alert">
          {error}
        </div>
      )}
      <div className={styles.submitRow}>
        {answered < total && !submitting && (
          <p className={styles.hint}>{fa(total - answered)} پرسش بی‌پاسخ مانده است؛ پرسش بی‌پاسخ نادرست شمرده می‌شود.</p>
        )}
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? 'در حال ثبت…' : 'پایان و ثبت آزمون'}
        </button>
      </div>
    </form>
  );
}

function QuizForLearner({ course }: { course: string }): ReactNode {
  const [overview, setOverview] = useState<QuizOverview>();
  const [attempt, setAttempt] = useState<Attempt>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(undefined);
    try {
      const o = await call(trainingRoutes.quizOverview, { params: { course } });
      setOverview(o);
      // An attempt left open (a reload, a lost connection) continues where it was.
      if (o.openAttemptId) setAttempt(await call(trainingRoutes.attempt, { params: { id: o.openAttemptId } }));
    } catch (e) {
      setError(errorText(e));
    }
  }, [course]);

  useEffect(() => {
    void load();
  }, [load]);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setAttempt(await call(trainingRoutes.startAttempt, { params: { course }, body: {} }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const onSubmitted = useCallback(
    (done: Attempt) => {
      setAttempt(done);
      call(trainingRoutes.quizOverview, { params: { course } }).then(setOverview, () => undefined);
    },
    [course],
  );

  if (error && !overview) return <div className="alert alert--danger" role="alert">{error}</div>;
  if (!overview) return <p role="status">در حال بارگذاری آزمون…</p>;

  const submittedCount = overview.attempts.filter((a) => a.submittedAt).length;
  const passedBefore = overview.passed;
  const left = overview.attemptsLeft ?? overview.quiz.maxAttempts - overview.attempts.length;
  const showingResult = attempt?.result ?? null;
  const inProgress = attempt && !attempt.result && !attempt.submittedAt;

  return (
    <>
      {!inProgress && <Rules overview={overview} />}
      {attempt && showingResult && <Result attempt={attempt} result={showingResult} />}
      {inProgress && <AttemptForm key={attempt.id} attempt={attempt} onSubmitted={onSubmitted} />}
      {!inProgress && !showingResult && <PastAttempts overview={overview} />}
      {error && <div className="alert alert--danger" role="alert">{error}</div>}
      {!inProgress && (
        <div className={styles.startRow}>
          {passedBefore ? (
            <p className={styles.passedNote}>
              شما در این آزمون قبول شده‌اید. وضعیت دوره و گواهی‌نامه را در <a href="/my-learning">یادگیری من</a> ببینید.
            </p>
          ) : left > 0 ? (
            <button type="button" className="button button--primary" onClick={() => void start()} disabled={busy}>
              {submittedCount === 0 ? 'شروع آزمون' : 'شروع دوبارهٔ آزمون'}
            </button>
          ) : (
            <p className={styles.hint}>همهٔ دفعات مجاز این آزمون را به کار برده‌اید. برای فرصت دوباره با ناظر دوره تماس بگیرید.</p>
          )}
          {!passedBefore && left > 0 && submittedCount > 0 && <span className={styles.hint}>{fa(left)} فرصت دیگر دارید.</span>}
        </div>
      )}
    </>
  );
}

function QuizBody({ course }: { course: string }): ReactNode {
  const session = useSession();
  if (session.status === 'loading') return <p role="status">در حال بارگذاری…</p>;
  if (session.status === 'error') return <div className="alert alert--danger" role="alert">{session.message}</div>;
  if (session.status === 'signed-out') {
    return (
      <p className={styles.signIn}>
        برای شرکت در آزمون و دریافت گواهی‌نامه، <a href={signInHref()}>وارد حساب کاربری خود شوید</a>.
      </p>
    );
  }
  return <QuizForLearner course={course} />;
}

export default function Quiz({ course, title = 'آزمون پایانی دوره' }: { course: string; title?: string }): ReactNode {
  return (
    <section className={styles.quiz} aria-labelledby={`quiz-${course}`} data-quiz-course={course}>
      <h2 id={`quiz-${course}`} className={styles.title}>
        {title}
      </h2>
      <BrowserOnly fallback={<p>در حال بارگذاری آزمون…</p>}>{() => <QuizBody course={course} />}</BrowserOnly>
    </section>
  );
}
