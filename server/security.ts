/**
 * Security headers. The site needs no third-party origin: everything is self-hosted.
 *
 * Scripts: `'self'` plus the hashes of the inline scripts the served build holds (read from
 * the build at start: `inline-script-hashes.ts`; `refreshInlineScripts()` reads them again
 * when a new build is swapped in). No `'unsafe-inline'`: an injected `<script>` or `on…=`
 * attribute does not run.
 *
 * Styles keep `'unsafe-inline'`: the server-rendered pages carry `style="…"` attributes
 * (React's `style` props, e.g. `display: none` on every page, and the banner's), which only
 * `'unsafe-inline'` (or hashing each with `'unsafe-hashes'`, to be redone whenever a page
 * changes) allows, and Docusaurus and its libraries add `<style>` at run time. Inline style
 * cannot run script; with `img-src`/`font-src`/`connect-src` limited to `'self'` it cannot
 * send data anywhere either.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { inlineScriptHashesOfSite } from './inline-script-hashes';

export interface SecurityHeaders {
  /** Reads the inline scripts' hashes again (after a new build is swapped in). */
  refreshInlineScripts(): Promise<readonly string[]>;
  readonly inlineScriptHashes: readonly string[];
}

export async function registerSecurityHeaders(app: FastifyInstance, { https, siteDir }: { https: boolean; siteDir: string }): Promise<SecurityHeaders> {
  let hashes = await inlineScriptHashesOfSite(siteDir);
  let scriptSrc = ["'self'", ...hashes].join(' ');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: [() => scriptSrc],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Only claim HTTPS-only when the public origin really is HTTPS.
    strictTransportSecurity: https ? { maxAge: 15552000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  return {
    get inlineScriptHashes() {
      return hashes;
    },
    async refreshInlineScripts() {
      hashes = await inlineScriptHashesOfSite(siteDir);
      scriptSrc = ["'self'", ...hashes].join(' ');
      return hashes;
    },
  };
}
