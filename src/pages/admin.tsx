/**
 * `/admin` («مدیریت کاربران», admins only): the users (each can be disabled), a form to create
 * one (each field's problem shown beside it), the import of contractor staff from a CSV file
 * (all rows or none; each row's problems listed; generated passwords shown once, to hand over),
 * and the audit log. Each action asks for the admin's password again when the server wants it.
 */
import { useCallback, useEffect, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { adminRoutes } from '@site/src/api/admin';
import type { ResponseOf } from '@site/src/api/route';
import { call, ApiRequestError } from '@site/src/lib/api';
import { fa, formatDate } from '@site/src/lib/format';
import AuditLog from '@site/src/components/Admin/AuditLog';
import XapiStatus from '@site/src/components/Admin/XapiStatus';
import { useConfirmation } from '@site/src/components/Admin/Confirmation';
import SignedIn, { Loading, Notice } from '@site/src/components/Training/SignedIn';
import styles from '@site/src/components/Training/styles.module.css';

type UserList = ResponseOf<typeof adminRoutes.listUsers>;
type Imported = ResponseOf<typeof adminRoutes.importContractors>['imported'][number];

const MAX_CSV_BYTES = 1024 * 1024;
const EMPTY_USER = { username: '', displayName: '', role: 'contractor', company: '', companyCode: '', unitCode: '', email: '', phone: '', password: '' };
type NewUser = typeof EMPTY_USER;

function UsersTable({ list, selfId, onChanged }: { list: UserList; selfId: string; onChanged: () => void }): ReactNode {
  const { run, prompt } = useConfirmation();
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string }>();
  async function disable(username: string, name: string) {
    if (!window.confirm(`حساب «${name}» غیرفعال شود؟ نشست‌های باز او هم بسته می‌شود.`)) return;
    setMessage(undefined);
    try {
      await run(() => call(adminRoutes.disableUser, { params: { username } }));
      setMessage({ kind: 'success', text: `حساب «${name}» غیرفعال شد.` });
      onChanged();
    } catch (e) {
      setMessage({ kind: 'danger', text: e instanceof Error ? e.message : String(e) });
    }
  }
  return (
    <div className={styles.tableWrap}>
      {prompt}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <table className={styles.table}>
        <caption className={styles.caption}>کاربران ({fa(list.users.length)})</caption>
        <thead>
          <tr>
            <th scope="col">نام</th>
            <th scope="col">نام کاربری</th>
            <th scope="col">نقش</th>
            <th scope="col">شرکت</th>
            <th scope="col">تاریخ ساخت</th>
            <th scope="col">وضعیت</th>
            <th scope="col"><span className="sr-only">کار</span></th>
          </tr>
        </thead>
        <tbody>
          {list.users.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td><bdi className={styles.code}>{u.username}</bdi></td>
              <td>{u.roleLabel}</td>
              <td>{u.company ?? '—'}</td>
              <td>{formatDate(u.createdAt)}</td>
              <td>{u.disabled ? 'غیرفعال' : 'فعال'}</td>
              <td>
                {!u.disabled && u.id !== selfId && (
                  <button type="button" className="button button--sm button--secondary" onClick={() => void disable(u.username, u.displayName)} aria-label={`غیرفعال‌کردن ${u.displayName}`}>
                    غیرفعال‌کردن
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateUser({ roles, organisations, onCreated }: { roles: Readonly<Record<string, string>>; organisations: UserList['organisations']; onCreated: () => void }): ReactNode {
  const [values, setValues] = useState<NewUser>(EMPTY_USER);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: ReactNode }>();
  const [busy, setBusy] = useState(false);
  const { run, prompt } = useConfirmation();
  const set = (key: keyof NewUser) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    setIssues({});
    try {
      const { user } = await run(() =>
        call(adminRoutes.createUser, {
          body: {
            ...values,
            // A company chosen from the list gives the account its name; the free text is for companies not yet listed.
            company: values.role === 'contractor' && !values.companyCode ? values.company : '',
            companyCode: values.role === 'contractor' ? values.companyCode : '',
          },
        }),
      );
      setMessage({
        kind: 'success',
        text: (
          <>
            کاربر «{user.displayName}» با نام کاربری <bdi className={styles.code}>{user.username}</bdi> ساخته شد.
          </>
        ),
      });
      setValues(EMPTY_USER);
      onCreated();
    } catch (e) {
      const list = e instanceof ApiRequestError && Array.isArray(e.body.issues) ? (e.body.issues as { field: string; message: string }[]) : [];
      const byField: Record<string, string> = {};
      for (const i of list) {
        // The company's problem belongs beside the list when the company was chosen from it.
        const key = i.field === 'company' && values.companyCode ? 'companyCode' : i.field;
        byField[key] = byField[key] ? `${byField[key]} ${i.message}` : i.message;
      }
      setIssues(byField);
      setMessage({ kind: 'danger', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof NewUser, label: string, input: ReactNode) => (
    <div className={styles.field}>
      <label htmlFor={`new-${key}`}>{label}</label>
      {input}
      {issues[key] && (
        <p id={`new-${key}-error`} className={styles.fieldError}>
          {issues[key]}
        </p>
      )}
    </div>
  );
  const describe = (key: keyof NewUser) => ({ 'aria-invalid': Boolean(issues[key]), 'aria-describedby': issues[key] ? `new-${key}-error` : undefined });

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="ساخت کاربر">
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {field('displayName', 'نام و نام خانوادگی', <input id="new-displayName" value={values.displayName} onChange={set('displayName')} {...describe('displayName')} />)}
      {field(
        'username',
        'نام کاربری',
        <input id="new-username" dir="ltr" className={styles.ltr} autoComplete="off" spellCheck={false} value={values.username} onChange={set('username')} {...describe('username')} />,
      )}
      {field(
        'role',
        'نقش',
        <select id="new-role" value={values.role} onChange={set('role')} {...describe('role')}>
          {Object.entries(roles).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>,
      )}
      {values.role === 'contractor' &&
        organisations.companies.length > 0 &&
        field(
          'companyCode',
          'شرکت پیمانکار',
          <select id="new-companyCode" value={values.companyCode} onChange={set('companyCode')} {...describe('companyCode')}>
            <option value="">شرکتی که در فهرست نیست…</option>
            {organisations.companies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>,
        )}
      {values.role === 'contractor' &&
        !values.companyCode &&
        field('company', organisations.companies.length ? 'نام شرکت (اگر در فهرست نیست)' : 'شرکت پیمانکار', <input id="new-company" value={values.company} onChange={set('company')} {...describe('company')} />)}
      {organisations.units.length > 0 &&
        field(
          'unitCode',
          'واحد خدماتی',
          <select id="new-unitCode" value={values.unitCode} onChange={set('unitCode')} {...describe('unitCode')}>
            <option value="">بدون واحد</option>
            {organisations.units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </select>,
        )}
      {field(
        'email',
        'رایانامه (برای یادآوری‌ها؛ اختیاری)',
        <input id="new-email" type="email" dir="ltr" className={styles.ltr} autoComplete="off" spellCheck={false} value={values.email} onChange={set('email')} {...describe('email')} />,
      )}
      {field(
        'phone',
        'شمارهٔ همراه (برای پیامک یادآوری؛ اختیاری، مانند ۰۹۱۲۱۲۳۴۵۶۷)',
        <input id="new-phone" type="tel" inputMode="tel" dir="ltr" className={styles.ltr} autoComplete="off" value={values.phone} onChange={set('phone')} {...describe('phone')} />,
      )}
      {field(
        'password',
        'گذرواژهٔ آغازین',
        <input id="new-password" type="password" dir="ltr" className={styles.ltr} autoComplete="new-password" value={values.password} onChange={set('password')} {...describe('password')} />,
      )}
      <p className={styles.hint}>گذرواژه دست‌کم ۱۰ نویسه باشد؛ کاربر پس از نخستین ورود آن را عوض کند.</p>
      {prompt}
      <button type="submit" className="button button--primary" disabled={busy}>
        ساخت کاربر
      </button>
    </form>
  );
}

function ImportContractors({ onImported }: { onImported: () => void }): ReactNode {
  const [csv, setCsv] = useState('');
  const [problems, setProblems] = useState<{ row: number; field: string; message: string }[]>([]);
  const [imported, setImported] = useState<readonly Imported[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string }>();
  const [busy, setBusy] = useState(false);
  const { run, prompt } = useConfirmation();

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      setMessage({ kind: 'danger', text: 'حجم پرونده بیش از یک مگابایت است؛ آن را به چند پرونده بخش کنید.' });
      return;
    }
    setCsv(await file.text());
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    setProblems([]);
    setImported([]);
    if (!csv.trim()) {
      setMessage({ kind: 'danger', text: 'پرونده‌ای انتخاب نشده یا متن CSV خالی است.' });
      return;
    }
    setBusy(true);
    try {
      const result = await run(() => call(adminRoutes.importContractors, { body: csv }));
      setImported(result.imported);
      setMessage({ kind: 'success', text: `${fa(result.imported.length)} کاربر پیمانکار ثبت شد.` });
      setCsv('');
      onImported();
    } catch (e) {
      if (e instanceof ApiRequestError && e.body.problems) setProblems(e.body.problems);
      setMessage({ kind: 'danger', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.form} onSubmit={submit} aria-label="ورود کارکنان پیمانکار از CSV">
      <p className={styles.hint}>
        ستون‌ها: <bdi className={styles.code}>username,display_name,company,password</bdi> و در صورت نیاز <bdi className={styles.code}>company_code,unit_code,email,phone</bdi> (شناسهٔ شرکت و واحد از فهرست سازمان‌ها، رایانامه و شمارهٔ همراه برای یادآوری‌ها؛ سطر نخست عنوان‌ها). اگر خانهٔ گذرواژه خالی باشد، گذرواژه‌ای ساخته و همین‌جا یک بار نشان داده
        می‌شود. اگر سطری خطا داشته باشد، هیچ سطری ثبت نمی‌شود.
      </p>
      <div className={styles.field}>
        <label htmlFor="csv-file">پروندهٔ CSV</label>
        <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void readFile(e)} />
      </div>
      <div className={styles.field}>
        <label htmlFor="csv-text">یا متن CSV</label>
        <textarea id="csv-text" dir="ltr" className={styles.ltr} rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} spellCheck={false} />
      </div>
      {prompt}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'در حال ثبت…' : 'ثبت کاربران'}
      </button>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {problems.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.caption}>خطاهای پرونده</caption>
          <thead>
            <tr>
              <th scope="col">سطر</th>
              <th scope="col">ستون</th>
              <th scope="col">خطا</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td className={styles.num}>{p.row === 0 ? 'کل پرونده' : fa(p.row)}</td>
                <td><bdi className={styles.code}>{p.field}</bdi></td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {imported.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.caption}>کاربران ثبت‌شده</caption>
          <thead>
            <tr>
              <th scope="col">سطر</th>
              <th scope="col">نام</th>
              <th scope="col">نام کاربری</th>
              <th scope="col">شرکت</th>
              <th scope="col">گذرواژهٔ ساخته‌شده</th>
            </tr>
          </thead>
          <tbody>
            {imported.map((u) => (
              <tr key={u.username}>
                <td className={styles.num}>{fa(u.row)}</td>
                <td>{u.displayName}</td>
                <td><bdi className={styles.code}>{u.username}</bdi></td>
                <td>{u.company}</td>
                <td>{u.generatedPassword ? <bdi className={styles.code}>{u.generatedPassword}</bdi> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}

function Admin({ selfId }: { selfId: string }): ReactNode {
  const [list, setList] = useState<UserList>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    setVersion((v) => v + 1);
    call(adminRoutes.listUsers).then(setList, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(load, [load]);
  if (error) return <Notice kind="danger">{error}</Notice>;
  if (!list) return <Loading />;
  return (
    <div className="row">
      <div className={`col col--5 ${styles.column}`}>
        <section className={styles.section} aria-labelledby="create-user">
          <Heading as="h2" id="create-user">ساخت کاربر</Heading>
          <CreateUser roles={list.roles} organisations={list.organisations} onCreated={load} />
        </section>
        <section className={styles.section} aria-labelledby="import-csv">
          <Heading as="h2" id="import-csv">ورود کارکنان پیمانکار از CSV</Heading>
          <ImportContractors onImported={load} />
        </section>
      </div>
      <div className={`col col--7 ${styles.column}`}>
        <section className={styles.section}>
          <UsersTable list={list} selfId={selfId} onChanged={load} />
        </section>
        <section className={styles.section} aria-labelledby="audit-log">
          <Heading as="h2" id="audit-log">گزارش کارهای مدیریتی</Heading>
          <AuditLog version={version} />
        </section>
        <section className={styles.section}><XapiStatus /></section>
      </div>
    </div>
  );
}

export default function AdminPage(): ReactNode {
  return (
    <Layout title="مدیریت کاربران" description="ساخت کاربر و ورود کارکنان پیمانکار">
      <main className={`container ${styles.page}`}>
        <Heading as="h1">مدیریت کاربران</Heading>
        <SignedIn what="مدیریت کاربران" roles={['admin']}>
          {(session) => <Admin selfId={session.user.id} />}
        </SignedIn>
      </main>
    </Layout>
  );
}
