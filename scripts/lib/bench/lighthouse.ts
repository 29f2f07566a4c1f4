/**
 * One Lighthouse run in a fresh headless Chromium, and what the page benchmark reads from its
 * report: category scores, the main metrics, bytes transferred, and the audits that failed
 * (with the offending elements' selectors, so a finding can be acted on without the report).
 *
 * Lighthouse and chrome-launcher are ESM-only; this file runs as CommonJS under tsx, hence
 * the dynamic imports.
 */
import type * as LH from 'lighthouse';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The machine's usual headless flags (no sandbox inside the container; no GPU; nothing that
 * reaches the network on its own, which would add noise and fail offline). `--headless=new`
 * comes last, so it is the headless mode Chromium uses.
 */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--headless=new',
];

export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
export type FormFactor = 'mobile' | 'desktop';

export interface PageMetrics {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  scriptKB: number | null;
  transferKB: number | null;
}

export interface Finding {
  category: (typeof CATEGORIES)[number];
  id: string;
  title: string;
  /** Lighthouse's own summary, e.g. "Est savings of 120 KiB". */
  displayValue?: string;
  /** CSS selectors (or URLs) of what failed, as Lighthouse lists them. */
  items: string[];
  /** False for audits that are reported but do not count in the category score. */
  weighted: boolean;
}

/** Anything Lighthouse started that must be stopped if the benchmark is interrupted. */
export interface ChromeHandle {
  kill(): void;
}

/**
 * Runs Lighthouse on `url`. `onChrome` receives the browser as soon as it is up, so the caller
 * can kill it on Ctrl-C (chrome-launcher's own SIGINT handler is off: it would exit the
 * process before the servers are stopped).
 */
export async function runLighthouse(url: string, formFactor: FormFactor, onChrome: (chrome: ChromeHandle | undefined) => void): Promise<LH.Result> {
  const { default: lighthouse } = await import('lighthouse');
  const { launch } = await import('chrome-launcher');
  // Mobile is Lighthouse's default config; desktop is its bundled desktop config.
  const config = formFactor === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;

  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, handleSIGINT: false, logLevel: 'silent' });
  onChrome(chrome);
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, config);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return lhr;
  } finally {
    chrome.kill();
    onChrome(undefined);
  }
}

export function pageMetrics(lhr: LH.Result): PageMetrics {
  const score = (id: string) => {
    const value = lhr.categories[id]?.score;
    return typeof value === 'number' ? Math.round(value * 100) : null;
  };
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? null;
  const kb = (bytes: number | null) => (bytes === null ? null : bytes / 1024);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    scriptKB: kb(scriptTransferBytes(lhr)),
    transferKB: kb(numeric('total-byte-weight')),
  };
}

/** Bytes of script transferred: from resource-summary, else summed from network-requests. */
function scriptTransferBytes(lhr: LH.Result): number | null {
  const summary = tableItems(lhr, 'resource-summary').find((item) => item.resourceType === 'script');
  if (typeof summary?.transferSize === 'number') return summary.transferSize;
  const requests = tableItems(lhr, 'network-requests').filter((item) => item.resourceType === 'Script');
  return requests.length ? requests.reduce((sum, item) => sum + Number(item.transferSize ?? 0), 0) : null;
}

/**
 * Audits that count against a category and did not pass: for accessibility and best
 * practices every failed audit; for performance, the audits (insights, diagnostics) that
 * scored below 0.9 or estimate savings, leaving out the metrics themselves.
 */
export function findings(lhr: LH.Result): Finding[] {
  const found: Finding[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.group === 'metrics' || audit.score === null) continue;
      if (!(category === 'performance' ? audit.score < 0.9 || hasSavings(audit) : audit.score < 1)) continue;
      found.push({
        category,
        id: audit.id,
        title: audit.title,
        displayValue: audit.displayValue || undefined,
        items: describeItems(audit),
        weighted: ref.weight > 0,
      });
    }
  }
  return found;
}

function hasSavings(audit: LH.Result['audits'][string]): boolean {
  return Object.values(audit.metricSavings ?? {}).some((saving) => typeof saving === 'number' && saving > 0);
}

/**
 * The selectors of failing elements, or the URLs of resources, that an audit lists, with the
 * cause Lighthouse attributes when it has one (e.g. a layout shift's "Web font loaded").
 * Origins are dropped so that the same file served by two servers reads the same.
 */
function describeItems(audit: LH.Result['audits'][string]): string[] {
  const described = detailItems(audit.details).map((item) => {
    const node = item.node as { selector?: string } | undefined;
    const source = item.source as { url?: string } | undefined;
    const what = node?.selector ?? (typeof item.url === 'string' ? item.url : source?.url);
    if (!what) return undefined;
    const causes = detailItems(item.subItems)
      .map((sub) => [sub.cause, (sub.extra as { value?: unknown } | undefined)?.value].filter(Boolean).join(' '))
      .filter(Boolean);
    return withoutOrigin(causes.length ? `${what} [${causes.join('; ')}]` : what);
  });
  return [...new Set(described.filter((text): text is string => Boolean(text)))];
}

const withoutOrigin = (text: string) => text.replace(/https?:\/\/(127\.0\.0\.1|localhost):\d+/g, '');

/** Audits Lighthouse could not compute, with its error message. */
export function erroredAudits(lhr: LH.Result): { id: string; message: string }[] {
  return Object.values(lhr.audits)
    .filter((audit) => audit.scoreDisplayMode === 'error')
    .map((audit) => ({ id: audit.id, message: audit.errorMessage ?? 'unknown error' }));
}

/**
 * The rows of an audit's details. Tables and opportunities hold rows; "list" details (many
 * insights) hold sub-tables; others (trees, checklists, screenshots) hold no rows.
 */
function detailItems(details: unknown): Record<string, unknown>[] {
  const items = (details as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: Record<string, unknown>) => (item.type === 'table' || item.type === 'list' ? detailItems(item) : [item]));
}

function tableItems(lhr: LH.Result, id: string): Record<string, unknown>[] {
  return detailItems(lhr.audits[id]?.details);
}
