/**
 * The reader's own mail setting, under the inbox: the address reminders go to (set by an admin,
 * shown here so a wrong one is noticed) and a checkbox to receive them or not. Whatever is
 * chosen, the inbox keeps listing what awaits them.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Heading from '@theme/Heading';
import { notificationPreferencesRoutes, type NotificationPreferences } from '@site/src/api/inbox';
import { call } from '@site/src/lib/api';
import styles from './styles.module.css';

export default function MailPreference(): ReactNode {
  const [prefs, setPrefs] = useState<NotificationPreferences>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  useEffect(() => {
    call(notificationPreferencesRoutes.get).then(setPrefs, (e: unknown) => setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
  }, []);
  if (!prefs) return message ? <p role="alert" className={styles.error}>{message.text}</p> : null;

  async function choose(emailOptIn: boolean) {
    setBusy(true);
    setMessage(undefined);
    try {
      setPrefs(await call(notificationPreferencesRoutes.put, { body: { emailOptIn } }));
      setMessage({ kind: 'ok', text: emailOptIn ? 'یادآوری‌ها به رایانامهٔ شما هم فرستاده می‌شوند.' : 'یادآوری‌ها دیگر به رایانامهٔ شما فرستاده نمی‌شوند؛ کارتابل همچنان آن‌ها را نشان می‌دهد.' });
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="inbox-mail" data-testid="inbox-mail">
      <Heading as="h2" id="inbox-mail">
        یادآوری با رایانامه
      </Heading>
      {prefs.email ? (
        <>
          <p className={styles.meta}>
            نشانی شما: <bdi dir="ltr">{prefs.email}</bdi> (برای تغییر آن به مدیر سامانه بگویید)
          </p>
          <label>
            <input type="checkbox" checked={prefs.emailOptIn} disabled={busy} onChange={(e) => void choose(e.target.checked)} /> یادآوری ابلاغیه‌ها را به رایانامه‌ام هم بفرست
          </label>
        </>
      ) : (
        <p className={styles.meta}>نشانی رایانامه‌ای برای شما ثبت نشده است؛ یادآوری‌ها تنها در همین کارتابل دیده می‌شوند. برای ثبت آن به مدیر سامانه بگویید.</p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? styles.error : styles.meta}>
          {message.text}
        </p>
      )}
    </section>
  );
}
