/** `npm run serve`: starts the Ayin server on HOST:PORT. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILD_AUDIENCES } from '../src/content/build-audience';
import { buildServer } from './app';
import { ConfigError, readConfig } from './config';
import { openServerDatabase } from './database';

async function main() {
  const config = readConfig();
  const missing = BUILD_AUDIENCES.filter((audience) => !existsSync(path.join(config.siteDir, audience, 'index.html')));
  if (missing.length) {
    console.error(`No built site for ${missing.join(', ')} in ${config.siteDir}. Run "npm run build" first (or "npm start", which builds when needed).`);
    process.exit(1);
  }
  const database = await openServerDatabase(config);
  // The server decides reminders itself (every REMINDER_INTERVAL_MS); a second process on the same PostgreSQL is safe.
  const app = await buildServer(config, { database, reminders: { run: true } });
  app.addHook('onClose', () => database.close());
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`Ayin is serving ${config.siteDir} at ${address.replace('0.0.0.0', '127.0.0.1')}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port ${process.env.PORT ?? 3000} is already in use; set PORT to another port.`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
