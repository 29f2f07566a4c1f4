/**
 * npm 11 may skip dependencies' install scripts, and better-sqlite3 builds its native module
 * in one. Check it loads before the server relies on it, and say how to fix it when not.
 */
import { createRequire } from 'node:module';

const requireModule = createRequire(__filename);

export class NativeModuleError extends Error {}

export function checkNativeModules(load: (id: string) => unknown = requireModule): void {
  try {
    const Sqlite = load('better-sqlite3') as new (file: string) => { prepare(sql: string): { get(): unknown }; close(): void };
    const db = new Sqlite(':memory:');
    db.prepare('select 1').get();
    db.close();
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new NativeModuleError(
      `The SQLite driver (better-sqlite3) is not usable: ${reason}\n` +
        'Its native module was probably not built, because npm skipped its install script. ' +
        'Run "npm rebuild better-sqlite3" (it needs python3, make and a C++ compiler), ' +
        'or set DATABASE_URL to use PostgreSQL instead.',
    );
  }
}
