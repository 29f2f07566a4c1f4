/** `/seminars/<id>`: one seminar's details, its materials and related regulations, and registration. */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import type { SeminarLink, SeminarPageData } from '@site/plugins/seminars/page-data';
import SampleBadge from '@site/src/components/SampleBadge';
import { useTermTitle } from '@site/src/lib/useAyinData';
import SurveyBox from '@site/src/components/Survey/SurveyBox';
import { useSession } from '@site/src/lib/api';
import RegistrationBox from './RegistrationBox';
import styles from './styles.module.css';
import { seminarDuration, seminarWhen, TIMING_LABELS, timingOf, useNow } from './when';

function Files({ title, files }: { title: string; files: readonly SeminarLink[] }): ReactNode {
  if (!files.length) return null;
  return (
    <>
      <Heading as="h2">{title}</Heading>
      <ul>
        {files.map((f) => (
          <li key={f.url}>
            {/* A file, not a page: a plain download link outside the router. */}
            <a href={f.url} download>
              {f.title}
            </a>{' '}
            <small>
              (<bdi dir="ltr">{f.url.split('.').pop()!.toUpperCase()}</bdi>)
            </small>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * After the seminar, its satisfaction survey for a signed-in reader: the server opens it only
 * to those marked present (404: the box shows nothing), so a visitor is never asked at all.
 */
function SeminarSurvey({ seminar }: { seminar: SeminarPageData }): ReactNode {
  const session = useSession();
  if (session.status !== 'signed-in') return null;
  return <SurveyBox kind="seminar" subject={seminar.id} title={seminar.title} />;
}

export default function SeminarPage({ seminar }: { seminar: SeminarPageData }): ReactNode {
  const now = useNow();
  const term = useTermTitle();
  const timing = now === null ? undefined : timingOf(seminar, now);
  return (
    <Layout title={seminar.title} description={seminar.summary}>
      <main className="container margin-vert--lg">
        <nav aria-label="مسیر" className="margin-bottom--sm">
          <Link to="/seminars">سمینارها</Link>
        </nav>
        <Heading as="h1">
          {seminar.title} {seminar.sample && <SampleBadge />}
        </Heading>
        {timing && (
          <p>
            <span className={`badge ${timing === 'past' ? 'badge--secondary' : 'badge--success'}`} data-testid="seminar-timing">
              {TIMING_LABELS[timing]}
            </span>
          </p>
        )}
        <p>{seminar.summary}</p>
        <dl className={styles.facts}>
          <dt>زمان</dt>
          <dd>
            {seminarWhen(seminar)} (به وقت تهران)، {seminarDuration(seminar)}
          </dd>
          <dt>ارائه‌دهنده</dt>
          <dd>
            {seminar.presenter.name}، {seminar.presenter.role}
          </dd>
          {seminar.venue && (
            <>
              <dt>مکان</dt>
              <dd>{seminar.venue}</dd>
            </>
          )}
          {seminar.onlineLink && (
            <>
              <dt>حضور برخط</dt>
              <dd>
                <a href={seminar.onlineLink} rel="noopener noreferrer">
                  <bdi dir="ltr">{seminar.onlineLink}</bdi>
                </a>
              </dd>
            </>
          )}
          <dt>مخاطبان</dt>
          <dd>{seminar.audience.map((a) => term('audiences', a)).join('، ')}</dd>
        </dl>

        <RegistrationBox seminarId={seminar.id} title={seminar.title} />
        {timing === 'past' && <SeminarSurvey seminar={seminar} />}

        <Files title="اسلایدها" files={seminar.slides} />
        <Files title="جزوه‌ها" files={seminar.handouts} />
        {seminar.recording && (
          <>
            <Heading as="h2">فیلم نشست</Heading>
            <p>
              <a href={seminar.recording} rel="noopener noreferrer">
                تماشای فیلم ضبط‌شدهٔ نشست
              </a>{' '}
              <small>
                (<bdi dir="ltr">{seminar.recording}</bdi>)
              </small>
            </p>
          </>
        )}
        {seminar.regulations.length > 0 && (
          <>
            <Heading as="h2">مقررات مرتبط</Heading>
            <ul>
              {seminar.regulations.map((r) => (
                <li key={r.url}>
                  <Link to={r.url}>
                    {r.clause ? `${r.clause} ` : ''}
                    {r.title}
                  </Link>{' '}
                  <small>
                    (<bdi dir="ltr">{r.code}</bdi>)
                  </small>
                </li>
              ))}
            </ul>
          </>
        )}
      </main>
    </Layout>
  );
}
