/**
 * The dashboard's «پیشنهادهای کاربران»: open suggestions by regulation, the longest waiting
 * first, each closed with an answer its author reads; and the latest answered ones.
 */
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { feedbackRoutes } from '@site/src/api/feedback';
import type { ResponseOf } from '@site/src/api/route';
import { call } from '@site/src/lib/api';
import { fa } from '@site/src/lib/format';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import { SuggestionHeading } from './MyFeedback';
import styles from './styles.module.css';

type Open = ResponseOf<typeof feedbackRoutes.open>;
type EditorSuggestion = Open['answered'][number];

function AnswerForm({ suggestion, onAnswered }: { suggestion: EditorSuggestion; onAnswered: () => void }): ReactNode {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function send(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await call(feedbackRoutes.answer, { params: { id: suggestion.id }, body: { answer } });
      onAnswered();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  const id = `answer-${suggestion.id}`;
  return (
    <form onSubmit={send} noValidate className={styles.answer}>
      <label htmlFor={id}>پاسخ</label>
      <textarea id={id} rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} aria-invalid={Boolean(error)} />
      {error && (
        <small role="alert" className={styles.problem}>
          {error}
        </small>
      )}
      <div className={styles.actions}>
        <button type="submit" className="button button--primary button--sm" disabled={busy}>
          بستن با این پاسخ
        </button>
      </div>
    </form>
  );
}

export default function EditorFeedback(): ReactNode {
  const [data, setData] = useState<Open | { error: string }>();
  const load = useCallback(() => {
    call(feedbackRoutes.open).then(setData, (e: Error) => setData({ error: e.message }));
  }, []);
  useEffect(load, [load]);
  const open = data && !('error' in data) ? data.regulations.reduce((n, r) => n + r.open.length, 0) : 0;
  return (
    <section aria-labelledby="feedback" data-testid="editor-feedback">
      <h2 id="feedback">پیشنهادهای کاربران ({fa(open)} باز)</h2>
      {!data ? (
        <Loading />
      ) : 'error' in data ? (
        <Notice kind="danger">{data.error}</Notice>
      ) : (
        <>
          {data.regulations.length === 0 && <p>پیشنهاد بازی نیست.</p>}
          {data.regulations.map((r) => (
            <section key={r.code} aria-label={`پیشنهادهای ${r.code}`}>
              <h3>
                <bdi>{r.code}</bdi> ({fa(r.open.length)})
              </h3>
              <ul className={styles.list}>
                {r.open.map((s) => (
                  <li key={s.id} className={styles.item} data-suggestion={s.id}>
                    <SuggestionHeading s={s} />
                    <p>
                      <strong>
                        {s.authorName} ({s.authorRoleLabel}):
                      </strong>{' '}
                      {s.text}
                    </p>
                    <AnswerForm suggestion={s} onAnswered={load} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {data.answered.length > 0 && (
            <details>
              <summary>پاسخ‌داده‌شده‌های اخیر ({fa(data.answered.length)})</summary>
              <ul className={styles.list}>
                {data.answered.map((s) => (
                  <li key={s.id} className={styles.item}>
                    <SuggestionHeading s={s} />
                    <p>
                      {s.authorName}: {s.text}
                    </p>
                    <div className={styles.reply}>
                      <p className={styles.meta}>پاسخ {s.answeredByName}</p>
                      <p>{s.answer}</p>
                    </div>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
