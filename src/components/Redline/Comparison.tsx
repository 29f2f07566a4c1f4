/**
 * Compares in the browser: one regulation between any two editions (`code`), or everything
 * between two editions (no code). Fetches the texts this build publishes and runs the same
 * diff the build-time redlines use.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { diffTexts, editionChanges, type EditionChangeList } from '@site/src/domain/edition-history';
import type { RegulationDiff } from '@site/src/domain/word-diff';
import { editionLabel } from '@site/src/lib/edition-paths';
import { checkEditionPair, fetchEdition, fetchText, missingTextMessage } from '@site/src/lib/compare';
import RedlineView from './RedlineView';
import { RedlineHeader } from './RedlinePage';
import { ChangeList } from './EditionPage';
import styles from './styles.module.css';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'text'; title: string; area: string; diff: RegulationDiff & { titleChanged: boolean } }
  | { kind: 'edition'; changes: EditionChangeList };

export function Message({ children }: { children: ReactNode }): ReactNode {
  return (
    <p className={styles.message} role="alert" data-testid="edition-message">
      {children}
    </p>
  );
}

export default function Comparison({ known, code, from, to }: { known: readonly string[]; code?: string; from: string | null; to: string | null }): ReactNode {
  const problem = checkEditionPair(known, from, to);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    if (problem || !from || !to) return;
    let live = true;
    setState({ kind: 'loading' });
    const run = async (): Promise<State> => {
      if (!code) return { kind: 'edition', changes: editionChanges(await fetchEdition(from), await fetchEdition(to)) };
      const [oldText, newText] = await Promise.all([fetchText(from, code), fetchText(to, code)]);
      if (!oldText && !newText) return { kind: 'error', message: `مقرره‌ای با کد ${code} در هیچ‌یک از این دو ویرایش وجود ندارد.` };
      if (!oldText) return { kind: 'error', message: missingTextMessage(from) };
      if (!newText) return { kind: 'error', message: missingTextMessage(to) };
      return { kind: 'text', title: newText.title, area: newText.area, diff: diffTexts(oldText, newText) };
    };
    run()
      .then((next) => live && setState(next))
      .catch((error: Error) => live && setState({ kind: 'error', message: `مقایسه انجام نشد: ${error.message}` }));
    return () => {
      live = false;
    };
  }, [problem, code, from, to]);

  if (problem) return <Message>{problem}</Message>;
  if (state.kind === 'loading') return <p aria-busy="true">در حال آماده‌کردن مقایسه…</p>;
  if (state.kind === 'error') return <Message>{state.message}</Message>;
  if (state.kind === 'edition') {
    return (
      <>
        <h1>
          تغییرات از ویرایش {editionLabel(from!)} تا ویرایش {editionLabel(to!)}
        </h1>
        <ChangeList changes={state.changes} />
      </>
    );
  }
  return (
    <div data-testid="redline">
      <RedlineHeader code={code!} title={state.title} area={state.area} from={from!} to={to!} />
      <RedlineView diff={state.diff} />
    </div>
  );
}
