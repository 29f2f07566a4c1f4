/**
 * The approver's re-acknowledgment decisions: each announcement whose regulations a later
 * published edition changed, with the two choices — readers acknowledge the new text again, or
 * the acknowledgments given stand. Decided once; the server records who and when and decides
 * again (a second decision is refused).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { reacknowledgmentRoutes, type ReacknowledgmentItem } from '@site/src/api/inbox';
import { call } from '@site/src/lib/api';
import { fa, formatDateTime } from '@site/src/lib/format';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from './styles.module.css';

// Isolated left-to-right (U+2066…U+2069) so «۱۴۰۶-۰۱» keeps its order in a right-to-left line.
const ltr = (text: string) => `\u2066${text}\u2069`;

function Item({ item, onDecided }: { item: ReacknowledgmentItem; onDecided: () => void }): ReactNode {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function decide(required: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      await call(reacknowledgmentRoutes.decide, { body: { announcementId: item.announcementId, edition: item.edition, required } });
      onDecided();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <article className={styles.card} data-testid="reacknowledgment">
      <h3 className={styles.path}>
        <a href={item.permalink}>{item.title}</a>
      </h3>
      <p>
        ویرایش {ltr(fa(item.edition))} مقررات {item.regulations.map((c) => ltr(c)).join('، ')} را که این ابلاغیه دربارهٔ آن است تغییر داده است.
      </p>
      {item.decision ? (
        <p>
          {item.decision.required ? 'تأیید دوباره خواسته شد' : 'تأییدهای پیشین معتبر ماند'} — {item.decision.decidedByName}، {formatDateTime(item.decision.decidedAt)}
        </p>
      ) : (
        <div className={styles.actions}>
          <button type="button" className="button button--primary button--sm" disabled={busy} onClick={() => decide(true)}>
            خوانندگان دوباره بخوانند و تأیید کنند
          </button>
          <button type="button" className="button button--secondary button--sm" disabled={busy} onClick={() => decide(false)}>
            تأییدهای پیشین معتبر است
          </button>
        </div>
      )}
      {error && <Notice kind="danger">{error}</Notice>}
    </article>
  );
}

export default function Reacknowledgments(): ReactNode {
  const [items, setItems] = useState<ReacknowledgmentItem[] | { error: string }>();
  const load = useCallback(() => {
    call(reacknowledgmentRoutes.list).then((r) => setItems(r.items), (e: Error) => setItems({ error: e.message }));
  }, []);
  useEffect(load, [load]);
  const open = Array.isArray(items) ? items.filter((i) => !i.decision).length : 0;
  return (
    <section aria-labelledby="reacknowledgments" className={styles.state}>
      <h2 id="reacknowledgments">تأیید دوباره ابلاغیه‌ها پس از ویرایش ({fa(open)})</h2>
      {!items ? <Loading /> : 'error' in items ? <Notice kind="danger">{items.error}</Notice> : items.length === 0 ? <p>موردی نیست.</p> : items.map((i) => <Item key={`${i.announcementId}|${i.edition}`} item={i} onDecided={load} />)}
    </section>
  );
}
