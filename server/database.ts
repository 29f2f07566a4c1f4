/** Opens the database for a server start: checks the native module, migrates, seeds demo users. */
import { demoSignInHelp, ensureDemoUsers } from './accounts';
import type { ServerConfig } from './config';
import { checkNativeModules, databaseOptionsFromEnv, openDatabase, type DatabaseHandle } from './db';

export async function openServerDatabase(config: ServerConfig, env: NodeJS.ProcessEnv = process.env, log = console.log): Promise<DatabaseHandle> {
  const options = databaseOptionsFromEnv(env, config.dataDir);
  if (!options.url) checkNativeModules();
  const database = await openDatabase(options);
  log(`Database: ${database.dialect} (${database.location})`);
  // Demo accounts of every role on first start, so the system can be tried at once.
  for (const line of demoSignInHelp(await ensureDemoUsers(database.db))) log(line);
  return database;
}
