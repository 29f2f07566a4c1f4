/** «رونوشت ارجاع»: copies the code, clause and link of a regulation or one of its clauses. */
import { useState, type ReactNode } from 'react';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { formatCitation } from '@site/src/domain/citation';
import { useRegulation } from '@site/src/lib/regulation-context';
import styles from './styles.module.css';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (older browser or insecure origin): fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export default function CiteButton({ anchor, label }: { anchor?: string; label: string }): ReactNode {
  const regulation = useRegulation();
  const { siteConfig } = useDocusaurusContext();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  if (!regulation) return null;

  const onClick = async () => {
    const url = new URL(regulation.permalink, typeof window === 'undefined' ? siteConfig.url : window.location.origin).href;
    const ok = await copyText(formatCitation({ code: regulation.code, title: regulation.title, anchor, url }));
    setState(ok ? 'copied' : 'failed');
    window.setTimeout(() => setState('idle'), 2500);
  };

  return (
    <span className={styles.wrap}>
      <button type="button" className={styles.button} onClick={onClick} aria-label={`رونوشت ارجاع به ${label}`} title="رونوشت ارجاع">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
          <path fill="currentColor" d="M16 1H4a2 2 0 0 0-2 2v14h2V3h12V1zm3 4H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm0 16H8V7h11v14z" />
        </svg>
        <span className={styles.text}>ارجاع</span>
      </button>
      <span role="status" aria-live="polite" className={styles.status}>
        {state === 'copied' ? 'ارجاع رونوشت شد' : state === 'failed' ? 'رونوشت ممکن نشد' : ''}
      </span>
    </span>
  );
}
