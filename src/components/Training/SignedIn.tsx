/**
 * The frame of the pages that show a signed-in user's data (my learning, reports, admin…):
 * the pages exist in every build of the site as shells, and their data comes from the API,
 * which decides who may see what. Here: a visitor is asked to sign in, a user without the
 * role is told so, and only then does the page itself render.
 */
import type { ReactNode } from 'react';
import { signInHref, useSession, type Role, type Session } from '@site/src/lib/api';
import styles from './styles.module.css';

export function Notice({ kind = 'info', children }: { kind?: 'info' | 'danger' | 'success' | 'warning'; children: ReactNode }): ReactNode {
  return (
    <div className={`alert alert--${kind} ${styles.notice}`} role={kind === 'danger' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function SignInPrompt({ what }: { what: string }): ReactNode {
  return (
    <Notice>
      برای {what} باید وارد حساب کاربری خود شوید. <a href={signInHref()}>ورود به آیین</a>
    </Notice>
  );
}

export function Loading({ label = 'در حال بارگذاری…' }: { label?: string }): ReactNode {
  return (
    <p className={styles.loading} role="status">
      {label}
    </p>
  );
}

export default function SignedIn({
  what,
  roles,
  children,
}: {
  /** What the page is for, to finish «برای … باید وارد شوید». */
  what: string;
  roles?: readonly Role[];
  children: (session: Session) => ReactNode;
}): ReactNode {
  const state = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <Notice kind="danger">{state.message}</Notice>;
  if (state.status === 'signed-out') return <SignInPrompt what={what} />;
  if (roles && !roles.includes(state.session.user.role)) {
    return <Notice kind="warning">این صفحه برای نقش شما ({state.session.user.roleLabel}) در دسترس نیست.</Notice>;
  }
  return children(state.session);
}
