/**
 * zod as the contract uses it, configured before any schema is made. Without `jitless`, zod
 * compiles each object parser with `new Function` (and probes for it when a schema is
 * created): the site's CSP forbids eval, and even the caught probe is a reported violation.
 * Every module of the contract imports `z` from here, never from 'zod' directly; `z` holds
 * only the parts in zod-parts.ts, so the browser's bundle carries only those.
 */
import { config } from 'zod';

config({ jitless: true });

export * as z from './zod-parts';
