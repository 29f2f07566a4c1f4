/**
 * Opens the database for a server start: checks the native module, migrates, and creates the
 * demo users only when `config.sampleAccounts` asks for them.
 */
import { prepareAccounts } from './accounts/demo-users';
import type { ServerConfig } from './config';
import { checkNativeModules, databaseOptionsFromEnv, openDatabase, type DatabaseHandle } from './db';

export async function openServerDatabase(config: ServerConfig, env: NodeJS.ProcessEnv = process.env, log = console.log): Promise<DatabaseHandle> {
  const options = databaseOptionsFromEnv(env, config.dataDir);
  if (!options.url) checkNativeModules();
  const database = await openDatabase(options);
  log(`Database: ${database.dialect} (${database.location})`);
  for (const line of await prepareAccounts(database.db, { sampleAccounts: config.sampleAccounts ?? false })) log(line);
  return database;
}
