/**
 * The satisfaction survey (نظرسنجی) of one course or seminar: shown after completion or
 * attendance. The server decides whether it is open (404: nothing is shown) and whether it
 * was already answered; the ratings are checked again there.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { surveyRoutes } from '@site/src/api/surveys';
import { ApiRequestError, call } from '@site/src/lib/api';
import { fa } from '@site/src/lib/format';
import { Notice } from '@site/src/components/Training/SignedIn';
import training from '@site/src/components/Training/styles.module.css';
import styles from './styles.module.css';

type Survey = Awaited<ReturnType<typeof call<typeof surveyRoutes.questions>>>;

export default function SurveyBox({ kind, subject, title }: { kind: 'course' | 'seminar'; subject: string; title: string }): ReactNode {
  const [survey, setSurvey] = useState<Survey | null>();
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  useEffect(() => {
    call(surveyRoutes.questions, { params: { kind, subject } }).then(setSurvey, (e: unknown) => {
      if (e instanceof ApiRequestError && e.status === 404) setSurvey(null);
      else setError(e instanceof Error ? e.message : String(e));
    });
  }, [kind, subject]);
  if (error && !survey) return <Notice kind="danger">{error}</Notice>;
  if (!survey) return null;
  if (survey.answered || sent) return <Notice kind="success">نظر شما دربارهٔ «{title}» ثبت شده است. سپاسگزاریم.</Notice>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await call(surveyRoutes.submit, { params: { kind, subject }, body: { ratings, ...(comment.trim() ? { comment } : {}) } });
      setSent(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  const id = `survey-${kind}-${subject}`.replace(/[^A-Za-z0-9-]/g, '-');
  return (
    <form className={styles.box} onSubmit={submit} aria-labelledby={`${id}-title`} data-survey={`${kind}:${subject}`}>
      <h3 id={`${id}-title`}>نظرسنجی «{title}»</h3>
      <p className={training.hint}>پاسخ شما بی‌نام و همراه دیگر پاسخ‌ها گزارش می‌شود؛ هر نظرسنجی را یک بار پاسخ می‌دهید.</p>
      {survey.questions.map((q) => (
        <fieldset key={q.id} className={styles.question}>
          <legend>{q.text}</legend>
          <div className={styles.scale}>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input type="radio" name={`${id}-${q.id}`} value={n} required checked={ratings[q.id] === n} onChange={() => setRatings({ ...ratings, [q.id]: n })} />
                {fa(n)}
              </label>
            ))}
          </div>
          <div className={styles.ends} aria-hidden="true">
            <span>کاملاً مخالفم</span>
            <span>کاملاً موافقم</span>
          </div>
        </fieldset>
      ))}
      <div className={training.field}>
        <label htmlFor={`${id}-comment`}>{survey.commentPrompt}</label>
        <textarea id={`${id}-comment`} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error && <Notice kind="danger">{error}</Notice>}
      <p>
        <button type="submit" className="button button--primary">
          ثبت نظر
        </button>
      </p>
    </form>
  );
}
