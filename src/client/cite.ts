/**
 * Copy citation: one click handler for every «ارجاع» button. The regulation (code, title,
 * link) comes from the nearest `[data-reg-code]`, the clause from the button; the button
 * confirms in place and the page's status region tells screen readers.
 */
import { formatCitation } from '../domain/citation';

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

function announce(root: Element, message: string) {
  const status = root.querySelector('.ayin-cite-status');
  if (status) status.textContent = message;
}

async function onClick(event: MouseEvent) {
  const button = (event.target as Element | null)?.closest?.('button.ayin-cite');
  const regulation = button?.closest('[data-reg-code]');
  if (!button || !regulation) return;
  const code = regulation.getAttribute('data-reg-code')!;
  const title = regulation.getAttribute('data-reg-title') ?? '';
  const url = new URL(regulation.getAttribute('data-reg-permalink') ?? window.location.pathname, window.location.origin).href;
  const anchor = button.getAttribute('data-cite-anchor') || undefined;
  const ok = await copyText(formatCitation({ code, title, anchor, url }));
  const message = ok ? 'ارجاع رونوشت شد' : 'رونوشت ممکن نشد';
  const text = button.querySelector('.ayin-cite__text');
  if (text) {
    text.textContent = message;
    window.setTimeout(() => (text.textContent = 'ارجاع'), 2500);
  }
  announce(regulation, message);
}

if (typeof document !== 'undefined') document.addEventListener('click', (e) => void onClick(e));

export {};
