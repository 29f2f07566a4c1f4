/**
 * The registration box of a seminar page: seats left, sign-in prompt, register / cancel, and for
 * supervisors the list of registrants with an attendance checkbox each. Everything here is the
 * server's word (`/api/seminars/:id…`); the page itself is the same for every reader.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Heading from '@theme/Heading';
import { seminarRoutes, type Registrant, type SeminarStatus } from '@site/src/api/seminars';
import { call, signInHref, useSession } from '@site/src/lib/api';
import { toPersianDigits } from '@site/src/domain/digits';
import { formatDateTime } from '@site/src/lib/format';
import styles from './styles.module.css';

export type { Registrant, SeminarStatus };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function AttendanceList({ seminarId }: { seminarId: string }): ReactNode {
  const [registrants, setRegistrants] = useState<Registrant[]>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState<string>();

  useEffect(() => {
    call(seminarRoutes.registrants, { params: { id: seminarId } }).then(
      (r) => setRegistrants(r.registrations),
      (e: unknown) => setError(message(e)),
    );
  }, [seminarId]);

  async function mark(userId: string, attended: boolean) {
    const before = registrants?.find((r) => r.userId === userId)?.attended ?? null;
    const set = (value: boolean | null) => setRegistrants((list) => list?.map((r) => (r.userId === userId ? { ...r, attended: value } : r)));
    // The box follows the click at once, and goes back if the server refuses.
    set(attended);
    setSaving(userId);
    setError(undefined);
    try {
      const { registration } = await call(seminarRoutes.attendance, { params: { id: seminarId }, body: { userId, attended } });
      set(registration.attended);
    } catch (e) {
      set(before);
      setError(message(e));
    } finally {
      setSaving(undefined);
    }
  }

  return (
    <div>
      <Heading as="h3" id="attendance-heading">
        فهرست حضور و غیاب
      </Heading>
      {error && (
        <p className="alert alert--danger" role="alert">
          {error}
        </p>
      )}
      {!registrants ? (
        !error && <p>در حال بارگذاری فهرست ثبت‌نام‌ها…</p>
      ) : registrants.length === 0 ? (
        <p>هنوز کسی در این نشست ثبت‌نام نکرده است.</p>
      ) : (
        <table className={styles.attendance} aria-labelledby="attendance-heading">
          <thead>
            <tr>
              <th scope="col">نام</th>
              <th scope="col">شرکت یا نقش</th>
              <th scope="col">زمان ثبت‌نام</th>
              <th scope="col">حضور</th>
            </tr>
          </thead>
          <tbody>
            {registrants.map((r) => (
              <tr key={r.userId}>
                <td>{r.displayName}</td>
                <td>{r.company ?? r.roleLabel}</td>
                <td>{formatDateTime(r.registeredAt)}</td>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      checked={r.attended === true}
                      disabled={saving === r.userId}
                      onChange={(event) => void mark(r.userId, event.target.checked)}
                      aria-label={`حضور ${r.displayName}`}
                    />{' '}
                    حاضر بود
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export default function RegistrationBox({ seminarId, title }: { seminarId: string; title: string }): ReactNode {
  const session = useSession();
  const [status, setStatus] = useState<SeminarStatus>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string>();

  const load = useCallback(() => {
    call(seminarRoutes.status, { params: { id: seminarId } }).then(setStatus, (e: unknown) => setError(message(e)));
  }, [seminarId]);
  // After the session is known, so the answer includes the reader's own registration.
  useEffect(() => {
    if (session.status === 'signed-in' || session.status === 'signed-out') load();
  }, [session.status, load]);

  async function change(method: 'POST' | 'DELETE') {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const next = await call(method === 'POST' ? seminarRoutes.register : seminarRoutes.cancel, { params: { id: seminarId }, body: {} });
      setStatus(next);
      setNotice(method === 'POST' ? 'ثبت‌نام شما انجام شد.' : 'ثبت‌نام شما لغو شد.');
    } catch (e) {
      setError(message(e));
      load();
    } finally {
      setBusy(false);
    }
  }

  const s = status?.seminar;
  const mine = status?.registration;
  return (
    <section className={styles.box} aria-labelledby="registration-heading" data-testid="registration-box">
      <Heading as="h2" id="registration-heading">
        ثبت‌نام
      </Heading>
      {s && (
        <p data-testid="seats-left">
          {s.seatsLeft > 0
            ? `ظرفیت باقی‌مانده: ${toPersianDigits(s.seatsLeft)} نفر از ${toPersianDigits(s.capacity)} نفر`
            : `ظرفیت این نشست (${toPersianDigits(s.capacity)} نفر) تکمیل شده است.`}
        </p>
      )}
      <div aria-live="polite">
        {notice && <p className="alert alert--success">{notice}</p>}
        {error && (
          <p className="alert alert--danger" role="alert">
            {error}
          </p>
        )}
      </div>
      {session.status === 'loading' || (!status && !error) ? (
        <p>در حال بارگذاری…</p>
      ) : session.status === 'error' ? (
        <p className="alert alert--danger">{session.message}</p>
      ) : session.status === 'signed-out' ? (
        <p>
          برای ثبت‌نام در «{title}» <a href={signInHref()}>وارد حساب کاربری خود شوید</a>.
        </p>
      ) : !s ? null : s.timing !== 'upcoming' ? (
        <p>
          {s.timing === 'past' ? 'این نشست برگزار شده است' : 'این نشست در حال برگزاری است'}؛ ثبت‌نام و لغو آن دیگر ممکن نیست.
          {mine && (mine.attended === true ? ' حضور شما ثبت شده است.' : mine.attended === false ? ' شما در این نشست غایب ثبت شده‌اید.' : ' شما در این نشست ثبت‌نام کرده بودید.')}
        </p>
      ) : mine ? (
        <p>
          شما در این نشست ثبت‌نام کرده‌اید ({formatDateTime(mine.registeredAt)}).{' '}
          <button type="button" className="button button--outline button--danger button--sm" disabled={busy} onClick={() => void change('DELETE')}>
            لغو ثبت‌نام
          </button>
        </p>
      ) : s.seatsLeft > 0 ? (
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void change('POST')}>
          ثبت‌نام در این نشست
        </button>
      ) : null}
      {status?.canManage && <AttendanceList seminarId={seminarId} key={String(status.seminar.seatsLeft)} />}
    </section>
  );
}
