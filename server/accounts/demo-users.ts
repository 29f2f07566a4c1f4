/**
 * Demo users, one of each role, so that the sample site can be tried at once. Their password
 * is public, so they are made only when asked (`sampleAccounts`, which `npm start` sets on the
 * embedded SQLite default and never on its own for a `DATABASE_URL`), and only in a database
 * with no users at all. A real installation gets its first admin from the command line.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Role } from './roles';
import { createUser } from './users';

export const DEMO_PASSWORD = 'ayin-demo-1234';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly displayName: string;
  readonly company: string | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'demo.staff', role: 'staff', displayName: 'مریم احمدی', company: null },
  { username: 'demo.contractor', role: 'contractor', displayName: 'رضا کریمی', company: 'شرکت پیمانکاری نمونه نور' },
  { username: 'demo.editor', role: 'editor', displayName: 'زهرا موسوی', company: null },
  { username: 'demo.approver', role: 'approver', displayName: 'حسین رحیمی', company: null },
  { username: 'demo.supervisor', role: 'supervisor', displayName: 'فاطمه نوری', company: null },
  { username: 'demo.admin', role: 'admin', displayName: 'علی محمدی', company: null },
].map((a) => ({ ...a, role: a.role as Role, password: DEMO_PASSWORD }));

export interface DemoUsersResult {
  /** True when this call created them (the database had no users). */
  readonly created: boolean;
  /** The demo accounts that exist and are enabled now (their password may have been changed since). */
  readonly accounts: readonly DemoAccount[];
}

export async function ensureDemoUsers(db: Kysely<Database>, now = Date.now()): Promise<DemoUsersResult> {
  const { count } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  let created = false;
  if (Number(count) === 0) {
    try {
      await db.transaction().execute(async (trx) => {
        for (const account of DEMO_ACCOUNTS) await createUser(trx, account, now);
      });
      created = true;
    } catch (error) {
      // Two servers starting on one empty PostgreSQL: the other one created them.
      const again = await db.selectFrom('users').select('username').where('username', 'in', DEMO_ACCOUNTS.map((a) => a.username)).execute();
      if (again.length === 0) throw error;
    }
  }
  const present = await db
    .selectFrom('users')
    .select('username')
    .where('username', 'in', DEMO_ACCOUNTS.map((a) => a.username))
    .where('disabled_at', 'is', null)
    .execute();
  const names = new Set(present.map((p) => p.username));
  return { created, accounts: DEMO_ACCOUNTS.filter((a) => names.has(a.username)) };
}

/** What the server prints at start so that someone trying the sample can sign in (English, like its other start-up lines). */
export function demoSignInHelp(result: DemoUsersResult): string[] {
  if (result.accounts.length === 0) return [];
  const width = Math.max(...result.accounts.map((a) => a.username.length));
  return [
    `${result.created ? 'Created demo accounts' : 'Demo accounts'} (sample installation only; password "${DEMO_PASSWORD}" unless changed):`,
    ...result.accounts.map((a) => `  ${a.username.padEnd(width)}  ${a.role}`),
    'Disable them before real use: npm run admin -- disable-user --username <name>',
  ];
}

export const FIRST_ADMIN_COMMAND = 'npm run admin -- create-user --username <name> --role admin --name "<نام>"';

/**
 * At server start: the demo accounts when asked for, else nothing; and the lines to print — who
 * can sign in, a warning while demo accounts with the public password are enabled, or how to
 * create the first admin when there are no users.
 */
export async function prepareAccounts(db: Kysely<Database>, options: { readonly sampleAccounts: boolean; readonly now?: number }): Promise<string[]> {
  if (options.sampleAccounts) return demoSignInHelp(await ensureDemoUsers(db, options.now));
  const { count } = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  if (Number(count) === 0) return ['No users yet. Create the first admin with:', `  ${FIRST_ADMIN_COMMAND}`];
  const demo = await db.selectFrom('users').select('username').where('username', 'in', DEMO_ACCOUNTS.map((a) => a.username)).where('disabled_at', 'is', null).orderBy('username').execute();
  if (demo.length === 0) return [];
  return [`Warning: demo accounts are enabled (${demo.map((d) => d.username).join(', ')}); their password may be the public "${DEMO_PASSWORD}".`, 'Disable them: npm run admin -- disable-user --username <name>'];
}
