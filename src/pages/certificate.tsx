/**
 * `/certificate?code=…`: the learner's certificate as a printable page (A4 landscape, the
 * site's chrome hidden when printing), with a QR code to the public `/verify/<code>` page and
 * a «دریافت PDF» link to the server-made PDF. Only the owner gets it from the API.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import { certificateRoutes, type Certificate } from '@site/src/api/certificates';
import { call } from '@site/src/lib/api';
import SignedIn, { Loading, Notice } from '@site/src/components/Training/SignedIn';
import common from '@site/src/components/Training/styles.module.css';
import styles from './certificate.module.css';

function readCode(): string {
  if (typeof window === 'undefined') return '';
  return (new URLSearchParams(window.location.search).get('code') ?? '').trim().slice(0, 40);
}

function Qr({ url }: { url: string }): ReactNode {
  const [svg, setSvg] = useState<string>();
  useEffect(() => {
    let live = true;
    // Loaded here only: the QR encoder is needed on this page and nowhere else.
    void import('qrcode').then((QRCode) =>
      QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }).then((s) => live && setSvg(s), () => undefined),
    );
    return () => {
      live = false;
    };
  }, [url]);
  if (!svg) return <div className={styles.qr} aria-hidden />;
  return <div className={styles.qr} role="img" aria-label="کد QR نشانی تأیید گواهی‌نامه" dangerouslySetInnerHTML={{ __html: svg }} />;
}

function CertificateView({ certificate: c }: { certificate: Certificate }): ReactNode {
  const verifyUrl = `${window.location.origin}${c.verifyPath}`;
  return (
    <>
      <div className={`${common.actions} ${styles.toolbar}`}>
        <a className="button button--primary" href={`/api/certificates/${encodeURIComponent(c.code)}/pdf`} download>
          دریافت PDF
        </a>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          چاپ
        </button>
        <a href="/my-learning">بازگشت به یادگیری من</a>
      </div>
      {/* A4 landscape while this page is shown only: a global @page rule would stay behind in
          the single-page app and turn every later printout sideways. */}
      <style>{'@page { size: A4 landscape; margin: 10mm; }'}</style>
      <article className={styles.certificate} aria-label="گواهی‌نامه">
        <p className={styles.org}>شرکت توزیع نیروی برق — معاونت خدمات مشترکین</p>
        <h1 className={styles.heading}>گواهی‌نامهٔ پایان دورهٔ آموزشی</h1>
        <p className={styles.lead}>بدین‌وسیله گواهی می‌شود که</p>
        <p className={styles.learner} data-testid="certificate-learner">{c.learner}</p>
        {c.company && <p className={styles.company}>از {c.company}</p>}
        <p className={styles.course}>«{c.courseTitle}»</p>
        <p className={styles.lead}>را با موفقیت به پایان رسانده و در آزمون پایانی آن پذیرفته شده است.</p>
        <dl className={styles.facts}>
          <div>
            <dt>تاریخ صدور</dt>
            <dd>{c.issuedAtJalaliLong}</dd>
          </div>
          <div>
            <dt>بر پایهٔ مقررات</dt>
            <dd>{c.edition}</dd>
          </div>
          <div>
            <dt>کد تأیید</dt>
            <dd>
              <bdi className={common.code}>{c.code}</bdi>
            </dd>
          </div>
        </dl>
        <footer className={styles.verify}>
          <Qr url={verifyUrl} />
          <p>
            درستی این گواهی‌نامه را در نشانی <bdi className={common.code}>{verifyUrl}</bdi> بررسی کنید.
          </p>
        </footer>
      </article>
    </>
  );
}

function CertificateData(): ReactNode {
  const [code] = useState(readCode);
  const [certificate, setCertificate] = useState<Certificate>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!code) return;
    call(certificateRoutes.certificate, { params: { code } }).then(setCertificate, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [code]);
  if (!code) return <Notice kind="warning">کد گواهی‌نامه در نشانی صفحه نیامده است. گواهی‌نامه‌های خود را در <a href="/my-learning">یادگیری من</a> ببینید.</Notice>;
  if (error) return <Notice kind="danger">{error}</Notice>;
  if (!certificate) return <Loading />;
  return <CertificateView certificate={certificate} />;
}

export default function CertificatePage(): ReactNode {
  return (
    <Layout title="گواهی‌نامه" description="گواهی‌نامهٔ پایان دورهٔ آموزشی">
      <main className={`container ${common.page}`}>
        <SignedIn what="دیدن گواهی‌نامه">{() => <CertificateData />}</SignedIn>
      </main>
    </Layout>
  );
}
