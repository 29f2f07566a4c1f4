/**
 * The navbar's account item: «ورود» for a visitor; for a signed-in user a menu with their
 * name and role, their pages (`links.ts`: each role's), password change and sign-out. The static build cannot know who is
 * reading, so the user is fetched after hydration; sign-in and sign-out reload the page fully
 * (the server serves each role its own build of the site).
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import { signInHref, signOut, useSession, type Me } from '@site/src/lib/api';
import { toPersianDigits } from '@site/src/domain/digits';
import { useInboxCount } from '@site/src/components/Inbox/useInboxCount';
import inboxStyles from '@site/src/components/Inbox/styles.module.css';
import styles from './styles.module.css';
import { accountLinks } from './links';

/** The inbox's count beside its link (nothing while unknown or zero). */
function InboxCount({ count }: { count: number | undefined }): ReactNode {
  if (!count) return null;
  return (
    <span className={inboxStyles.count} data-testid="inbox-count">
      {toPersianDigits(count)}
      <span className="sr-only"> ابلاغیه در انتظار تأیید</span>
    </span>
  );
}

function SignInLink({ mobile, pending }: { mobile?: boolean; pending?: boolean }): ReactNode {
  // A plain link: the sign-in page must load as its own full page, not a client-side route.
  const link = (
    <a
      className={clsx(mobile ? 'menu__link' : 'navbar__item navbar__link', styles.signIn, pending && styles.pending)}
      href={signInHref()}
      data-account="signed-out"
      // Tests (and assistive technology) can tell "not known yet" from "signed out".
      data-session={pending ? 'loading' : 'known'}
      aria-busy={pending || undefined}
    >
      ورود
    </a>
  );
  // In the mobile sidebar every item is a list item of the menu.
  return mobile ? <li className="menu__list-item">{link}</li> : link;
}

function useSignOut() {
  const [error, setError] = useState<string>();
  const run = () => {
    setError(undefined);
    signOut().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return { run, error };
}

function MobileMenu({ user }: { user: Me }): ReactNode {
  const out = useSignOut();
  const count = useInboxCount(true);
  return (
    <li className="menu__list-item" data-account="signed-in" data-session="known">
      <span className={clsx('menu__link', styles.mobileName)}>
        {user.displayName} <small>({user.roleLabel})</small>
      </span>
      <ul className="menu__list">
        {accountLinks(user.role).map((l) => (
          <li key={l.href} className="menu__list-item">
            <a className="menu__link" href={l.href}>
              {l.label}
              {l.href === '/inbox' && <InboxCount count={count} />}
            </a>
          </li>
        ))}
        <li className="menu__list-item">
          <button type="button" className={clsx('menu__link', styles.menuButton)} onClick={out.run}>خروج</button>
          {out.error && <p role="alert" className={styles.error}>{out.error}</p>}
        </li>
      </ul>
    </li>
  );
}

function DesktopMenu({ user }: { user: Me }): ReactNode {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const out = useSignOut();
  const count = useInboxCount(true);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div ref={root} className={clsx('navbar__item dropdown', styles.account, open && 'dropdown--show')} data-account="signed-in" data-session="known">
      <button
        ref={button}
        type="button"
        className={clsx('navbar__link', styles.trigger)}
        // Infima turns pointer events off for a dropdown's link without href (it opens on hover);
        // this one opens on click and from the keyboard.
        style={{ pointerEvents: 'auto' }}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className={styles.name}>{user.displayName}</span>
        <InboxCount count={count} />
      </button>
      <div id={menuId} className={clsx('dropdown__menu', styles.menu)} hidden={!open}>
        <p className={styles.who}>
          <strong>{user.displayName}</strong>
          <span>
            {user.roleLabel}
            {user.company ? ` — ${user.company}` : ''}
          </span>
          <bdi dir="ltr" className={styles.username}>{user.username}</bdi>
        </p>
        <ul className={styles.links}>
          {accountLinks(user.role).map((l) => (
            <li key={l.href}>
              <a className="dropdown__link" href={l.href}>
                {l.label}
                {l.href === '/inbox' && <InboxCount count={count} />}
              </a>
            </li>
          ))}
          <li>
            <button type="button" className={clsx('dropdown__link', styles.menuButton)} onClick={out.run}>خروج</button>
          </li>
        </ul>
        {out.error && <p role="alert" className={styles.error}>{out.error}</p>}
      </div>
    </div>
  );
}

export default function AccountMenu({ mobile }: { mobile?: boolean; position?: string }): ReactNode {
  const state = useSession();
  if (state.status !== 'signed-in') return <SignInLink mobile={mobile} pending={state.status === 'loading'} />;
  const { user } = state.session;
  return mobile ? <MobileMenu user={user} /> : <DesktopMenu user={user} />;
}
