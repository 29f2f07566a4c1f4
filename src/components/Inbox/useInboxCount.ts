/**
 * The number of announcements awaiting the signed-in reader, for the navbar's badge. Asked once
 * per page load (the pages are full loads after sign-in), and again when an acknowledgment on
 * this page announces itself with the `ayin:inbox-changed` event.
 */
import { useEffect, useState } from 'react';
import { inboxRoutes } from '@site/src/api/inbox';
import { call } from '@site/src/lib/api';

export const INBOX_CHANGED = 'ayin:inbox-changed';

export function useInboxCount(signedIn: boolean): number | undefined {
  const [count, setCount] = useState<number>();
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    const load = () =>
      call(inboxRoutes.count).then(
        (c) => live && setCount(c.pending),
        // The badge is a hint: the inbox page itself says what went wrong.
        () => undefined,
      );
    void load();
    window.addEventListener(INBOX_CHANGED, load);
    return () => {
      live = false;
      window.removeEventListener(INBOX_CHANGED, load);
    };
  }, [signedIn]);
  return count;
}
