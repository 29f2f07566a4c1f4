/** `/compare?code=CS-002&from=1403-07&to=1406-01` (or without `code`: a whole-edition change list). */
import { useState, type FormEvent, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import BrowserOnly from '@docusaurus/BrowserOnly';
import { useHistory as useRouterHistory, useLocation } from '@docusaurus/router';
import { COMPARE_ROUTE, comparePath, editionLabel } from '@site/src/lib/edition-paths';
import { useEditionNames, useEditionsData } from '@site/src/lib/useEditionHistory';
import Comparison from './Comparison';
import styles from './styles.module.css';

function CompareForm({ known, code, from, to }: { known: readonly string[]; code: string; from: string; to: string }): ReactNode {
  const router = useRouterHistory();
  const [values, setValues] = useState({ code, from, to });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    router.push(comparePath(values.from, values.to, values.code.trim().toUpperCase() || undefined));
  };
  const select = (field: 'from' | 'to', label: string) => (
    <label>
      {label}
      <select value={values[field]} onChange={(e) => setValues({ ...values, [field]: e.target.value })}>
        {known.map((name) => (
          <option key={name} value={name}>
            {name === 'next' ? 'پیش‌نویس ویرایش بعد' : `ویرایش ${editionLabel(name)}`}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className={`${styles.form} ${styles.noPrint}`} onSubmit={submit} action={COMPARE_ROUTE}>
      <label>
        کد مقرره (خالی: همه مقررات)
        <input dir="ltr" value={values.code} placeholder="CS-002" onChange={(e) => setValues({ ...values, code: e.target.value })} />
      </label>
      {select('from', 'از')}
      {select('to', 'تا')}
      <button type="submit" className="button button--primary">
        مقایسه
      </button>
    </form>
  );
}

function CompareBody(): ReactNode {
  const { search } = useLocation();
  const names = useEditionNames();
  const { hasNext } = useEditionsData();
  const known = hasNext ? [...names, 'next'] : names;
  const params = new URLSearchParams(search);
  const code = params.get('code')?.trim().toUpperCase() || undefined;
  const from = params.get('from');
  const to = params.get('to');
  return (
    <>
      <CompareForm known={known} code={code ?? ''} from={from ?? names.at(-2) ?? ''} to={to ?? names.at(-1) ?? ''} />
      {(from || to) && <Comparison key={search} known={known} code={code} from={from} to={to} />}
    </>
  );
}

export default function ComparePage(): ReactNode {
  return (
    <Layout title="مقایسه ویرایش‌ها" description="مقایسه متن مقررات در دو ویرایش دلخواه">
      <main className="container margin-vert--lg">
        <p className={styles.noPrint}>هر دو ویرایش دلخواه را مقایسه کنید: یک مقرره را با کد آن، یا همه تغییرات میان دو ویرایش را.</p>
        <BrowserOnly fallback={<p>در حال آماده‌کردن…</p>}>{() => <CompareBody />}</BrowserOnly>
      </main>
    </Layout>
  );
}
