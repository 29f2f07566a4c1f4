/** The signed-in reader's own suggestions, newest first, each with the editors' answer once given. */
import { useEffect, useState, type ReactNode } from 'react';
import { feedbackRoutes, type Suggestion } from '@site/src/api/feedback';
import { call } from '@site/src/lib/api';
import { fa, formatDateTime } from '@site/src/lib/format';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from './styles.module.css';

export const editionLabel = (edition: string) => (edition === 'current' ? 'متن در دست تهیه' : `ویرایش ${fa(edition)}`);

export function SuggestionHeading({ s }: { s: Suggestion }): ReactNode {
  return (
    <p className={styles.meta}>
      <bdi>{s.code}</bdi> · {s.permalink ? <a href={s.permalink}>{s.clauseLabel}</a> : s.clauseLabel} · {editionLabel(s.edition)} · {formatDateTime(s.createdAt)}
    </p>
  );
}

export default function MyFeedback(): ReactNode {
  const [suggestions, setSuggestions] = useState<Suggestion[] | { error: string }>();
  useEffect(() => {
    call(feedbackRoutes.mine).then((r) => setSuggestions(r.suggestions), (e: Error) => setSuggestions({ error: e.message }));
  }, []);
  if (!suggestions) return <Loading />;
  if ('error' in suggestions) return <Notice kind="danger">{suggestions.error}</Notice>;
  if (!suggestions.length) return <p>هنوز پیشنهادی نداده‌اید. در متن هر مقرره، دکمه «پیشنهاد» کنار هر بند را بزنید.</p>;
  return (
    <ul className={styles.list} data-testid="my-feedback">
      {suggestions.map((s) => (
        <li key={s.id} className={styles.item}>
          <SuggestionHeading s={s} />
          <p>{s.text}</p>
          {s.answer ? (
            <div className={styles.reply}>
              <p className={styles.meta}>
                پاسخ {s.answeredByName ?? 'ویراستار'} · {formatDateTime(s.answeredAt)}
              </p>
              <p>{s.answer}</p>
            </div>
          ) : (
            <p className={styles.meta}>در انتظار پاسخ ویراستاران</p>
          )}
        </li>
      ))}
    </ul>
  );
}
