/** `/change-password`: the signed-in user's password, checked by the server (the current one first). */
import { useState, type FormEvent, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { authRoutes } from '@site/src/api/auth';
import { call, ApiRequestError } from '@site/src/lib/api';
import SignedIn, { Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';

function PasswordForm(): ReactNode {
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [error, setError] = useState<{ message: string; fields: string[] }>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (values.newPassword !== values.repeat) {
      setError({ message: 'گذرواژهٔ تازه و تکرار آن یکی نیستند.', fields: ['repeat'] });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await call(authRoutes.changePassword, { body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      setDone(true);
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
    } catch (e) {
      const fields = e instanceof ApiRequestError && Array.isArray(e.body.fields) ? (e.body.fields as string[]) : [];
      setError({ message: e instanceof Error ? e.message : String(e), fields });
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof typeof values, label: string, autoComplete: string) => (
    <div className={styles.field}>
      <label htmlFor={key}>{label}</label>
      <input
        id={key}
        type="password"
        dir="ltr"
        className={styles.ltr}
        autoComplete={autoComplete}
        value={values[key]}
        onChange={set(key)}
        aria-invalid={Boolean(error?.fields.includes(key))}
        required
      />
    </div>
  );

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {error && <Notice kind="danger">{error.message}</Notice>}
      {done && <Notice kind="success">گذرواژهٔ شما تغییر کرد. نشست‌های دیگر شما بسته شدند.</Notice>}
      {field('currentPassword', 'گذرواژهٔ کنونی', 'current-password')}
      {field('newPassword', 'گذرواژهٔ تازه', 'new-password')}
      <p className={styles.hint}>دست‌کم ۱۰ نویسه، و غیر از نام کاربری.</p>
      {field('repeat', 'تکرار گذرواژهٔ تازه', 'new-password')}
      <button type="submit" className="button button--primary" disabled={busy}>
        تغییر گذرواژه
      </button>
    </form>
  );
}

export default function ChangePasswordPage(): ReactNode {
  return (
    <Layout title="تغییر گذرواژه" description="تغییر گذرواژهٔ حساب کاربری">
      <main className={`container ${styles.page}`}>
        <div className={styles.narrow}>
          <Heading as="h1">تغییر گذرواژه</Heading>
          <SignedIn what="تغییر گذرواژه">{() => <PasswordForm />}</SignedIn>
        </div>
      </main>
    </Layout>
  );
}
