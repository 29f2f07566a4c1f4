/** The regulation's identity at a glance: what it is, who issued it, for whom, since when. */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { toPersianDigits } from '@site/src/domain/digits';
import { formatJalaliLong, jalaliToGregorianUTC, parseJalali } from '@site/src/domain/jalali';
import { useAyinData, useTermTitle } from '@site/src/lib/useAyinData';
import styles from './styles.module.css';

export interface RegulationFrontMatterRaw {
  code: string;
  type: string;
  authority: string;
  audience: string[];
  status: string;
  inForceFrom: string;
  notification?: { number: string; date: string };
  supersedes?: string[];
}

function JalaliDateText({ value }: { value: string }): ReactNode {
  const parsed = parseJalali(String(value));
  if (!parsed.ok) return <span>{value}</span>;
  const gregorian = jalaliToGregorianUTC(parsed.date).toISOString().slice(0, 10);
  return <time dateTime={gregorian}>{formatJalaliLong(parsed.date)}</time>;
}

function RegulationLink({ code }: { code: string }): ReactNode {
  const { regulations } = useAyinData();
  const target = regulations[code];
  const codeRun = <bdi className="ayin-code">{code}</bdi>;
  if (!target) return codeRun;
  return (
    <Link to={target.permalink}>
      {target.title} ({codeRun})
    </Link>
  );
}

export default function RegulationCard({ frontMatter: fm }: { frontMatter: RegulationFrontMatterRaw }): ReactNode {
  const term = useTermTitle();
  const { regulations } = useAyinData();
  const supersededBy = Object.entries(regulations)
    .filter(([, r]) => r.supersedes.includes(fm.code))
    .map(([code]) => code);

  const rows: [string, ReactNode][] = [
    ['کد', <bdi className="ayin-code" key="code">{fm.code}</bdi>],
    ['نوع', term('document-types', fm.type)],
    ['مرجع صدور', term('authorities', fm.authority)],
    ['مخاطبان', fm.audience.map((a) => term('audiences', a)).join('، ')],
    ['لازم‌الاجرا از', <JalaliDateText value={fm.inForceFrom} key="from" />],
  ];
  if (fm.notification) {
    rows.push([
      'ابلاغ',
      <span key="notif">
        شماره <bdi>{toPersianDigits(fm.notification.number)}</bdi> مورخ <JalaliDateText value={fm.notification.date} />
      </span>,
    ]);
  }
  rows.push(['وضعیت', <span key="status" className={styles[`status-${fm.status}`]}>{term('statuses', fm.status)}</span>]);
  if (fm.supersedes?.length) {
    rows.push(['جایگزین', <span key="sup">{fm.supersedes.map((c, i) => <span key={c}>{i > 0 && '، '}<RegulationLink code={c} /></span>)}</span>]);
  }
  if (supersededBy.length) {
    rows.push(['جایگزین‌شده با', <span key="supby">{supersededBy.map((c, i) => <span key={c}>{i > 0 && '، '}<RegulationLink code={c} /></span>)}</span>]);
  }

  return (
    <section className={styles.card} aria-label="شناسنامه مقرره">
      <dl className={styles.list}>
        {rows.map(([label, value]) => (
          <div className={styles.row} key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
