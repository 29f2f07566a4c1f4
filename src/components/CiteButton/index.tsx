/**
 * «ارجاع»: copies the code, clause and link of a regulation or one of its clauses; beside it
 * «پیشنهاد» for readers who may suggest a change to it.
 * A plain button: a regulation has dozens of them, so one delegated click handler
 * (src/client/cite.ts) does the work instead of a React component with state per clause.
 */
import type { ReactNode } from 'react';
import { useClauseFeedback } from '../Feedback/ClauseFeedback';

export default function CiteButton({ anchor, label }: { anchor?: string; label: string }): ReactNode {
  // Beside it, for readers who may suggest a change: «پیشنهاد» (src/components/Feedback/).
  const feedback = useClauseFeedback();
  return (
    <>
    <button type="button" className="ayin-cite" data-cite-anchor={anchor ?? ''} aria-label={`رونوشت ارجاع به ${label}`} title="رونوشت ارجاع">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        <path fill="currentColor" d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z" />
      </svg>
      <span className="ayin-cite__text">ارجاع</span>
    </button>
    {feedback && (
      <button type="button" className="ayin-cite ayin-suggest" aria-label={`پیشنهاد درباره ${label}`} title="پیشنهاد اصلاح" onClick={() => feedback.open({ anchor: anchor ?? '', label })}>
        <span className="ayin-cite__text">پیشنهاد</span>
      </button>
    )}
    </>
  );
}
