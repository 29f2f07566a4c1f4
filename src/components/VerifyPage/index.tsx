/**
 * `/verify` (the server answers `/verify/<code>` with this page): confirms a certificate to
 * anyone who has its code, e.g. from the QR code on it. The code comes from the path, or from
 * `?code=`, or from the form. It shows only what `GET /api/verify/:code` tells: learner,
 * course, date, edition, and whether it still stands (معتبر، نیازمند بازآموزی، منقضی، جایگزین‌شده).
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { certificateRoutes, type VerifiedCertificate } from '@site/src/api/certificates';
import { call, ApiRequestError } from '@site/src/lib/api';
import { formatDate } from '@site/src/lib/format';
import { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';

type Verified = VerifiedCertificate;

type Outcome =
  | { readonly kind: 'checking' }
  | { readonly kind: 'valid'; readonly certificate: Verified }
  | { readonly kind: 'not-found' | 'malformed' | 'error'; readonly message: string };

/** How each status reads: a genuine certificate whose training may no longer be current is not «معتبر». */
const STATUS_VIEW: Record<Verified['status'], { alert: 'success' | 'warning' | 'danger' | 'secondary'; headline: string }> = {
  valid: { alert: 'success', headline: 'این گواهی‌نامه معتبر است.' },
  'refresher-due': { alert: 'warning', headline: 'این گواهی‌نامه صادر شده، اما نیازمند بازآموزی است: بندی از مقررات این دوره پس از صدور آن تغییر کرده است.' },
  expired: { alert: 'danger', headline: 'مهلت اعتبار این گواهی‌نامه به پایان رسیده است (منقضی).' },
  superseded: { alert: 'secondary', headline: 'این گواهی‌نامه جایگزین‌شده است: دورهٔ آن دیگر برگزار نمی‌شود.' },
};

/** `/verify/ABCDE-FGHJK` → `ABCDE-FGHJK`; else `?code=`. */
export function codeFromLocation(pathname: string, search: string): string {
  const match = /^\/verify\/([^/?#]+)\/?$/.exec(pathname);
  const raw = match ? decodeURIComponent(match[1]!) : new URLSearchParams(search).get('code') ?? '';
  return raw.trim().slice(0, 40);
}

function Result({ outcome, code }: { outcome: Outcome; code: string }): ReactNode {
  switch (outcome.kind) {
    case 'checking':
      return <Loading label="در حال بررسی گواهی‌نامه…" />;
    case 'valid': {
      const c = outcome.certificate;
      const view = STATUS_VIEW[c.status];
      return (
        <div className={`alert alert--${view.alert}`} role="status" data-verify="valid" data-status={c.status}>
          <p>
            <strong>{view.headline}</strong>
          </p>
          <dl className={styles.facts}>
            <div><dt>وضعیت</dt><dd data-testid="certificate-status">{c.statusLabel}</dd></div>
            <div><dt>دارندهٔ گواهی‌نامه</dt><dd>{c.learner}</dd></div>
            <div><dt>دوره</dt><dd>{c.course}</dd></div>
            <div><dt>تاریخ صدور</dt><dd>{formatDate(c.issuedAt)}</dd></div>
            <div><dt>بر پایهٔ مقررات</dt><dd data-testid="rests-on">{c.restsOn}</dd></div>
            {c.restsOn !== c.edition && <div><dt>مقررات هنگام صدور</dt><dd>{c.edition}</dd></div>}
            {c.validUntil && <div><dt>معتبر تا</dt><dd>{formatDate(c.validUntil)}</dd></div>}
            <div><dt>کد تأیید</dt><dd><bdi className={styles.code}>{c.code}</bdi></dd></div>
          </dl>
        </div>
      );
    }
    case 'not-found':
      return (
        <div className="alert alert--danger" role="alert" data-verify="not-found">
          گواهی‌نامه‌ای با کد <bdi className={styles.code}>{code}</bdi> صادر نشده است. کد را با آنچه روی گواهی‌نامه چاپ شده مقایسه کنید.
        </div>
      );
    case 'malformed':
      return (
        <div className="alert alert--warning" role="alert" data-verify="malformed">
          <bdi className={styles.code}>{code}</bdi> کد گواهی‌نامهٔ درستی نیست. کد ده نویسه دارد، مانند <bdi className={styles.code}>ABCDE-FGHJK</bdi>؛ شاید نویسه‌ای اشتباه نوشته شده باشد.
        </div>
      );
    case 'error':
      return <Notice kind="danger">{outcome.message}</Notice>;
  }
}

function Verifier(): ReactNode {
  const [code, setCode] = useState(() => codeFromLocation(window.location.pathname, window.location.search));
  const [typed, setTyped] = useState(code);
  const [outcome, setOutcome] = useState<Outcome>();

  useEffect(() => {
    if (!code) return setOutcome(undefined);
    setOutcome({ kind: 'checking' });
    call(certificateRoutes.verify, { params: { code } }).then(
      (certificate) => setOutcome({ kind: 'valid', certificate }),
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        if (e instanceof ApiRequestError && e.status === 404) setOutcome({ kind: 'not-found', message });
        else if (e instanceof ApiRequestError && e.status === 400) setOutcome({ kind: 'malformed', message });
        else setOutcome({ kind: 'error', message });
      },
    );
  }, [code]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = typed.trim();
    if (!next) return;
    window.history.replaceState(null, '', `/verify/${encodeURIComponent(next)}`);
    setCode(next);
  };

  return (
    <>
      {outcome && <Result outcome={outcome} code={code} />}
      <form className={`${styles.form} ${styles.section}`} onSubmit={submit}>
        <div className={styles.field}>
          <label htmlFor="verify-code">کد تأیید گواهی‌نامه</label>
          <input id="verify-code" dir="ltr" className={styles.ltr} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="ABCDE-FGHJK" />
        </div>
        <button type="submit" className="button button--primary">بررسی</button>
      </form>
    </>
  );
}

export default function VerifyPage(): ReactNode {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <Layout title="تأیید گواهی‌نامه" description="بررسی درستی گواهی‌نامه‌های آموزشی آیین با کد تأیید">
      <main className={`container ${styles.page}`}>
        <div className={styles.narrow}>
          <Heading as="h1">تأیید گواهی‌نامه</Heading>
          <p className={styles.hint}>کد تأیید روی هر گواهی‌نامه چاپ شده است؛ کد QR آن هم به همین صفحه می‌آید.</p>
          {ready ? <Verifier /> : <Loading />}
        </div>
      </main>
    </Layout>
  );
}
