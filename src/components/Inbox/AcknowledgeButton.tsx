/**
 * «مطالعه کردم و تأیید می‌کنم»: sends the acknowledgment of the text (its sha256) the reader was
 * shown. A changed text is answered by the server (409) and its Persian message shown here.
 */
import { useState, type ReactNode } from 'react';
import { inboxRoutes } from '@site/src/api/inbox';
import { call } from '@site/src/lib/api';
import { INBOX_CHANGED } from './useInboxCount';
import styles from './styles.module.css';

export default function AcknowledgeButton({ id, textSha256, title, onDone }: { id: string; textSha256: string; title: string; onDone?: () => void }): ReactNode {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function acknowledge() {
    setBusy(true);
    setError(undefined);
    try {
      await call(inboxRoutes.acknowledge, { params: { id }, body: { textSha256 } });
      window.dispatchEvent(new Event(INBOX_CHANGED));
      onDone?.();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className={styles.acknowledge}>
      <button type="button" className="button button--primary button--sm" disabled={busy} onClick={() => void acknowledge()} aria-label={`مطالعه کردم و تأیید می‌کنم: ${title}`}>
        مطالعه کردم و تأیید می‌کنم
      </button>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
    </div>
  );
}
