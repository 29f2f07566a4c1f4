/**
 * Admin actions need the admin's password re-entered in the last minutes (the server decides:
 * server/accounts/confirmation.ts). `useConfirmation().run(action)` runs the action; when the
 * server answers `confirmation_required`, it shows a password box in place, confirms, and runs
 * the action once more. Nothing the admin typed in the form is lost meanwhile.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { authRoutes } from '@site/src/api/auth';
import { ApiRequestError, call } from '@site/src/lib/api';
import { Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';

type Pending = { readonly resolve: (confirmed: boolean) => void };

function ConfirmPassword({ onDone }: { onDone: (confirmed: boolean) => void }): ReactNode {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    setBusy(true);
    setError(undefined);
    try {
      await call(authRoutes.confirmPassword, { body: { password } });
      onDone(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  // A form of its own would nest inside the action's form: a group with its own submit instead.
  return (
    <div className={styles.form} role="group" aria-labelledby="confirm-password-title">
      <p id="confirm-password-title" className={styles.hint}>
        برای انجام این کار، گذرواژهٔ حساب خود را دوباره وارد کنید (تا ده دقیقه معتبر است).
      </p>
      <div className={styles.field}>
        <label htmlFor="confirm-password">گذرواژهٔ شما</label>
        <input
          id="confirm-password"
          type="password"
          dir="ltr"
          className={styles.ltr}
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void submit(e);
          }}
        />
      </div>
      {error && <Notice kind="danger">{error}</Notice>}
      <div>
        <button type="button" className="button button--primary" disabled={busy || !password} onClick={(e) => void submit(e)}>
          تأیید گذرواژه و ادامه
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          انصراف
        </button>
      </div>
    </div>
  );
}

export function useConfirmation(): { run: <T>(action: () => Promise<T>) => Promise<T>; prompt: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  async function run<T>(action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof ApiRequestError && error.code === 'confirmation_required')) throw error;
      const confirmed = await new Promise<boolean>((resolve) => setPending({ resolve }));
      setPending(null);
      if (!confirmed) throw error;
      return action();
    }
  }
  return { run, prompt: pending ? <ConfirmPassword onDone={(confirmed) => pending.resolve(confirmed)} /> : null };
}
