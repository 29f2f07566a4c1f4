/**
 * The editors' Keystatic in the browser: a separate bundle (scripts/lib/keystatic-ui.ts), served
 * by the Ayin server at `/keystatic/*` to editors and approvers only. The content model is the
 * same function the server's API handler uses (content-model.ts); its taxonomy comes from the
 * server at start, so the form always matches the content repository the server writes.
 */
import { createRoot } from 'react-dom/client';
import type { Config } from '@keystatic/core';
import { Keystatic } from '@keystatic/core/ui';
import { keystaticConfigFor, type Taxonomy } from '../content-model';
import { KEYSTATIC_UI_BASE } from './paths';
import { persianKeystaticErrors } from './persian-errors';

async function start(container: HTMLElement) {
  const response = await fetch(`${KEYSTATIC_UI_BASE}/taxonomy.json`, { credentials: 'same-origin' });
  if (!response.ok) {
    container.textContent = 'فهرست‌های پایه محتوا بارگیری نشد؛ صفحه را دوباره بارگذاری کنید.';
    return;
  }
  const taxonomy = (await response.json()) as Taxonomy;
  createRoot(container).render(<Keystatic config={keystaticConfigFor(taxonomy) as unknown as Config} />);
}

persianKeystaticErrors(window);
void start(document.getElementById('keystatic')!);
