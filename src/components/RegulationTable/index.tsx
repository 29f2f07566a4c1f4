/** The regulations of a sidebar category as a table: what staff scan to find the text in force. */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import type { PropSidebarItem } from '@docusaurus/plugin-content-docs';
import { formatJalaliNumeric, parseJalali } from '@site/src/domain/jalali';
import { useAyinData, useTermTitle } from '@site/src/lib/useAyinData';
import styles from './styles.module.css';

/** Regulation docs are `<area>/<code>`: the id names the regulation in every edition. */
const codeOfDocId = (docId: string | undefined) => docId?.split('/').pop()?.toUpperCase();

function numericDate(value: string): string {
  const parsed = parseJalali(value);
  return parsed.ok ? formatJalaliNumeric(parsed.date) : value;
}

export default function RegulationTable({ items }: { items: readonly PropSidebarItem[] }): ReactNode {
  const { regulations } = useAyinData();
  const term = useTermTitle();
  const rows = items.flatMap((item) => {
    if (item.type !== 'link') return [];
    const code = codeOfDocId(item.docId);
    const reg = code ? regulations[code] : undefined;
    return reg && code ? [{ code, href: item.href, reg }] : [];
  });
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption className={styles.caption}>فهرست مقررات این حوزه</caption>
        <thead>
          <tr>
            <th scope="col">کد</th>
            <th scope="col">عنوان</th>
            <th scope="col">نوع</th>
            <th scope="col">لازم‌الاجرا از</th>
            <th scope="col">وضعیت</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ code, href, reg }) => (
            <tr key={code}>
              <td><bdi className="ayin-code">{code}</bdi></td>
              <td>
                <Link to={href}>{reg.title}</Link>
                {reg.description && <div className={styles.description}>{reg.description}</div>}
              </td>
              <td>{term('document-types', reg.type)}</td>
              <td>{numericDate(reg.inForceFrom)}</td>
              <td>{term('statuses', reg.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
