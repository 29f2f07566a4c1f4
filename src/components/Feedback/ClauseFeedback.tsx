/**
 * «پیشنهاد» beside «ارجاع»: a signed-in staff member or contractor reading a regulation leaves
 * a suggestion on a clause (or the whole text) of the edition they read. The provider wraps a
 * regulation's page; each citation button asks it whether to offer the suggestion button and
 * opens its one dialog. Readers who may not suggest (visitors, editors) see nothing new.
 */
import { createContext, useContext, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FEEDBACK_ROLES, SUGGESTION_MAX, feedbackRoutes } from '@site/src/api/feedback';
import { call, useSession } from '@site/src/lib/api';
import { fa } from '@site/src/lib/format';
import styles from './styles.module.css';

interface Target {
  readonly anchor: string;
  readonly label: string;
}
interface ClauseFeedback {
  open(target: Target): void;
}

const Context = createContext<ClauseFeedback | null>(null);

/** Null when the reader may not leave a suggestion here. */
export function useClauseFeedback(): ClauseFeedback | null {
  return useContext(Context);
}

export function ClauseFeedbackProvider({ code, edition, children }: { code: string; edition: string; children: ReactNode }): ReactNode {
  const session = useSession();
  const [target, setTarget] = useState<Target>();
  const allowed = session.status === 'signed-in' && FEEDBACK_ROLES.includes(session.session.user.role);
  return (
    <Context.Provider value={allowed ? { open: setTarget } : null}>
      {children}
      {allowed && target && <SuggestionDialog key={`${target.anchor}`} code={code} edition={edition} target={target} onClose={() => setTarget(undefined)} />}
    </Context.Provider>
  );
}

function SuggestionDialog({ code, edition, target, onClose }: { code: string; edition: string; target: Target; onClose: () => void }): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'sending' | 'sent' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  async function send(event: FormEvent) {
    event.preventDefault();
    setState({ kind: 'sending' });
    try {
      await call(feedbackRoutes.create, { body: { code, anchor: target.anchor, edition, text } });
      setState({ kind: 'sent' });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  const over = text.length > SUGGESTION_MAX;
  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} aria-labelledby="suggestion-title">
      <h2 id="suggestion-title">پیشنهاد درباره {target.label}</h2>
      {state.kind === 'sent' ? (
        <>
          <p role="status">
            پیشنهاد شما ثبت شد. پاسخ ویراستاران را در <a href="/my-feedback">پیشنهادهای من</a> می‌بینید.
          </p>
          <button type="button" className="button button--primary" onClick={() => dialog.current?.close()}>
            بستن
          </button>
        </>
      ) : (
        <form onSubmit={send} noValidate>
          <label htmlFor="suggestion-text">متن پیشنهاد</label>
          <textarea id="suggestion-text" rows={5} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={state.kind === 'error' || over} aria-describedby="suggestion-count" />
          <small id="suggestion-count" className={over ? styles.problem : undefined}>
            {fa(text.length)} از {fa(SUGGESTION_MAX)} نویسه
          </small>
          {state.kind === 'error' && (
            <p role="alert" className={styles.problem}>
              {state.message}
            </p>
          )}
          <div className={styles.actions}>
            <button type="submit" className="button button--primary" disabled={state.kind === 'sending'}>
              ثبت پیشنهاد
            </button>
            <button type="button" className="button button--secondary" onClick={() => dialog.current?.close()}>
              انصراف
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
