/**
 * `npm run admin -- <command>`: manage Ayin's users from the shell. Uses DATABASE_URL when set,
 * else the SQLite file in the data folder (AYIN_DATA_DIR, default `data/`).
 *
 *   create-user --username NAME --role ROLE --name "نام" [--company "شرکت"] [--password P]
 *   import-contractors FILE.csv
 *   list-users
 *   set-password --username NAME [--password P]
 *   disable-user --username NAME
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  AccountInputError,
  createUser,
  disableUser,
  findUser,
  generatePassword,
  importContractorsCsv,
  listUsers,
  ROLES,
  setPassword,
} from '../server/accounts';
import { CLI_ACTOR, recordAudit } from '../server/accounts/audit';
import { databaseOptionsFromEnv, openDatabase, type DatabaseHandle } from '../server/db';

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-user --username NAME --role ROLE --name "Persian name" [--company "company"] [--password P]
        Creates a user. ROLE is one of ${ROLES.join(', ')}; contractors need --company.
        Without --password a password is generated and printed.
  import-contractors FILE.csv
        Imports contractor staff from a UTF-8 CSV with the header username,display_name,company,password
        (an empty password is generated). All rows or none: any error imports nothing.
  list-users
        Lists every user.
  set-password --username NAME [--password P]
        Sets a user's password (generated and printed without --password).
  disable-user --username NAME
        Disables an account and ends its sessions.

The database is DATABASE_URL (PostgreSQL) when set, else <AYIN_DATA_DIR or data>/ayin.sqlite.`;

class UsageError extends Error {}

const COMMANDS = ['create-user', 'import-contractors', 'list-users', 'set-password', 'disable-user'];

const root = path.resolve(__dirname, '..');

function options(args: string[], names: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
    allowPositionals: true,
    strict: true,
  });
  return { values: values as Record<string, string | undefined>, positionals };
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

function printIssues(error: AccountInputError) {
  for (const issue of error.issues) console.error(`  ${issue.field}: ${issue.message}`);
}

async function run(command: string, args: string[], handle: DatabaseHandle): Promise<number> {
  const { db } = handle;
  switch (command) {
    case 'create-user': {
      const { values } = options(args, ['username', 'role', 'name', 'company', 'password']);
      const password = values.password ?? generatePassword();
      try {
        const user = await createUser(db, {
          username: required(values, 'username'),
          role: required(values, 'role'),
          displayName: required(values, 'name'),
          company: values.company,
          password,
        });
        await recordAudit(db, { actor: CLI_ACTOR, action: 'user.create', target: user.username, detail: { role: user.role, company: user.company }, address: 'cli' });
        console.log(`Created ${user.role} "${user.username}" (${user.displayName}${user.company ? `, ${user.company}` : ''}).`);
        if (!values.password) console.log(`Password: ${password}`);
        return 0;
      } catch (error) {
        if (!(error instanceof AccountInputError)) throw error;
        console.error('Not created:');
        printIssues(error);
        return 1;
      }
    }
    case 'import-contractors': {
      const { positionals } = options(args, []);
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new UsageError('import-contractors takes one CSV file');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        console.error(`Cannot read ${file}: ${(error as Error).message}`);
        return 1;
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        // Excel's plain "CSV" is in the Windows code page (1256 for Persian).
        console.error(`${file} is not UTF-8 text: save it as "CSV UTF-8".`);
        return 1;
      }
      const result = await importContractorsCsv(db, text);
      if (!result.ok) {
        console.error(`Nothing imported from ${file}; fix these and run again:`);
        for (const line of result.errors) console.error(`  ${line}`);
        return 1;
      }
      const usernames = result.imported.map((u) => u.username);
      await recordAudit(db, { actor: CLI_ACTOR, action: 'contractors.import', target: String(usernames.length), detail: { usernames, file: path.basename(file) }, address: 'cli' });
      console.log(`Imported ${result.imported.length} contractor user(s) from ${file}.`);
      for (const user of result.imported) {
        if (user.generatedPassword) console.log(`  ${user.username}: generated password ${user.generatedPassword}`);
      }
      return 0;
    }
    case 'list-users': {
      options(args, []);
      const users = await listUsers(db);
      if (users.length === 0) {
        console.log('No users yet.');
        return 0;
      }
      const rows = users.map((u) => [u.username, u.role, u.disabled ? 'disabled' : 'active', u.displayName, u.company ?? '']);
      const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['username', 'role', 'status'][i]!.length));
      const line = (r: string[]) => [...r.slice(0, 3).map((c, i) => c.padEnd(widths[i]!)), r[3], r[4]].join('  ').trimEnd();
      console.log(line(['username', 'role', 'status', 'name', 'company']));
      for (const r of rows) console.log(line(r));
      console.log(`${users.length} user(s).`);
      return 0;
    }
    case 'set-password': {
      const { values } = options(args, ['username', 'password']);
      const user = await findUser(db, required(values, 'username'));
      if (!user) {
        console.error(`No user "${values.username}".`);
        return 1;
      }
      const password = values.password ?? generatePassword();
      try {
        await setPassword(db, user.id, password);
      } catch (error) {
        if (!(error instanceof AccountInputError)) throw error;
        console.error('Password not changed:');
        printIssues(error);
        return 1;
      }
      console.log(`Password of "${user.username}" changed.${values.password ? '' : ` New password: ${password}`}`);
      return 0;
    }
    case 'disable-user': {
      const { values } = options(args, ['username']);
      if (!(await disableUser(db, required(values, 'username')))) {
        console.error(`No user "${values.username}".`);
        return 1;
      }
      await recordAudit(db, { actor: CLI_ACTOR, action: 'user.disable', target: values.username!, address: 'cli' });
      console.log(`Disabled "${values.username}" and ended its sessions.`);
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (!COMMANDS.includes(command)) throw new UsageError(`unknown command "${command}"`);
  const dataDir = path.resolve(root, process.env.AYIN_DATA_DIR ?? 'data');
  const handle = await openDatabase(databaseOptionsFromEnv(process.env, dataDir));
  try {
    return await run(command, args, handle);
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error((error as Error).message ?? error);
      process.exitCode = 1;
    }
  },
);
