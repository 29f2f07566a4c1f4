/**
 * `/sign-in`: username and password; the server's Persian message on failure (wrong
 * password, too many attempts with the minutes to wait, a disabled account); on success a
 * full navigation to `?next=` (same-site paths only) so the server serves the build of the
 * user's role.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { authRoutes } from '@site/src/api/auth';
import { call, ApiRequestError, navigateFully, safeNextPath, useSession } from '@site/src/lib/api';
import { Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';

function nextPath(): string {
  if (typeof window === 'undefined') return '/';
  return safeNextPath(new URLSearchParams(window.location.search).get('next'));
}

function SignInForm(): ReactNode {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ message: string; fields: string[] }>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = [!username.trim() && 'username', !password && 'password'].filter(Boolean) as string[];
    if (missing.length) {
      setError({ message: missing[0] === 'username' ? 'نام کاربری را وارد کنید.' : 'گذرواژه را وارد کنید.', fields: missing });
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await call(authRoutes.signIn, { body: { username: username.trim(), password } });
      navigateFully(nextPath());
    } catch (e) {
      const fields = e instanceof ApiRequestError && Array.isArray(e.body.fields) ? (e.body.fields as string[]) : ['username', 'password'];
      setError({ message: e instanceof Error ? e.message : String(e), fields });
      setBusy(false);
    }
  }

  const invalid = (field: string) => Boolean(error?.fields.includes(field));
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
      {error && (
        <div id="sign-in-error" className="alert alert--danger" role="alert">
          {error.message}
        </div>
      )}
      <div className={styles.field}>
        <label htmlFor="username">نام کاربری</label>
        <input
          id="username"
          name="username"
          className={styles.ltr}
          dir="ltr"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-invalid={invalid('username')}
          required
        />
      </div>
      <div className={styles.field}>
        <label htmlFor="password">گذرواژه</label>
        <input
          id="password"
          name="password"
          type="password"
          className={styles.ltr}
          dir="ltr"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={invalid('password')}
          required
        />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'در حال ورود…' : 'ورود'}
      </button>
    </form>
  );
}

function SignInBody(): ReactNode {
  const state = useSession();
  if (state.status === 'signed-in') {
    const { user } = state.session;
    return (
      <Notice kind="success">
        شما با نام «{user.displayName}» ({user.roleLabel}) وارد شده‌اید. <a href={nextPath()}>ادامه</a>
      </Notice>
    );
  }
  return <SignInForm />;
}

export default function SignInPage(): ReactNode {
  return (
    <Layout title="ورود" description="ورود به آیین با نام کاربری و گذرواژه">
      <main className={`container ${styles.page}`}>
        <div className={styles.narrow}>
          <Heading as="h1">ورود به آیین</Heading>
          <p className={styles.hint}>نام کاربری و گذرواژه‌ای را که مدیر سامانه به شما داده است وارد کنید.</p>
          <SignInBody />
        </div>
      </main>
    </Layout>
  );
}
