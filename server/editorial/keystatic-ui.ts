/**
 * The editors' Keystatic pages: `/keystatic/*` (Keystatic's own client-side routes, one
 * index.html for all) and `/keystatic-ui/*` (its bundle, fonts, and the taxonomy the form is
 * built from). Editors and approvers only: a visitor who has not signed in gets 401 and is
 * sent on to the sign-in page (which brings them back), anyone else 403 in Persian. The bundle
 * is `<siteDir>/.keystatic/` (scripts/lib/keystatic-ui.ts), outside every reader's build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { EDITING_ROLES } from '../../src/api/editorial';
import { loadTaxonomy } from '../../src/content/corpus';
import { KEYSTATIC_UI_BASE, KEYSTATIC_UI_DIR } from '../../src/keystatic/ui/paths';
import type { SessionLookup } from '../api/plugin';
import { signInUrlFor } from '../static-site';

export interface KeystaticUiOptions {
  /** The site directory (`build/`); the bundle is its `.keystatic/`. */
  readonly siteDir: string;
  /** The content repository whose taxonomy the form is built from (the API writes the same one). */
  readonly contentRoot: string;
  readonly authOf: SessionLookup;
}

const FILE_NAME = /^[A-Za-z0-9._\-[\]]+$/;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.html': 'text/html; charset=utf-8',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small self-contained Persian page (no script: the CSP allows none inline). */
export function messagePage(title: string, body: string, refreshTo?: string): string {
  const refresh = refreshTo ? `<meta http-equiv="refresh" content="0; url=${escapeHtml(refreshTo)}">` : '';
  return (
    `<!doctype html><html lang="fa-IR" dir="rtl"><head><meta charset="utf-8">${refresh}<title>${escapeHtml(title)}</title>` +
    '<style>body{font-family:Vazirmatn,Tahoma,sans-serif;max-inline-size:40rem;margin-block:4rem;margin-inline:auto;padding-inline:1rem;line-height:1.9}</style>' +
    `</head><body><h1>${escapeHtml(title)}</h1><p>${body}</p></body></html>\n`
  );
}

export async function registerKeystaticUi(app: FastifyInstance, { siteDir, contentRoot, authOf }: KeystaticUiOptions): Promise<void> {
  const dir = path.join(siteDir, KEYSTATIC_UI_DIR);

  /** The session of an editor or approver, or null with the refusal already sent. */
  const editorOnly = async (request: FastifyRequest, reply: FastifyReply, asJson: boolean) => {
    const session = await authOf(request);
    reply.header('cache-control', 'no-store').header('vary', 'cookie');
    if (session && EDITING_ROLES.includes(session.user.role)) return session;
    if (asJson) {
      const [status, error, message] = session
        ? [403, 'forbidden', 'ویرایش محتوا فقط برای ویراستاران و تأییدکنندگان است.']
        : [401, 'unauthenticated', 'برای ویرایش محتوا ابتدا وارد شوید.'];
      reply.code(status).send({ error, message });
      return null;
    }
    if (!session) {
      const signIn = signInUrlFor(request.url);
      reply.code(401).type('text/html; charset=utf-8').send(messagePage('ورود لازم است', `برای ویرایش محتوا ابتدا <a href="${escapeHtml(signIn)}">وارد شوید</a>.`, signIn));
    } else {
      reply.code(403).type('text/html; charset=utf-8').send(messagePage('دسترسی ندارید', 'ویرایش محتوا فقط برای ویراستاران و تأییدکنندگان است. <a href="/">بازگشت به صفحه نخست</a>'));
    }
    return null;
  };

  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!(await editorOnly(request, reply, false))) return reply;
    const index = path.join(dir, 'index.html');
    if (!existsSync(index)) {
      return reply.code(503).type('text/html; charset=utf-8').send(messagePage('ویرایشگر محتوا آماده نیست', 'ویرایشگر محتوا هنوز ساخته نشده است (npx tsx scripts/build-keystatic-ui.ts).'));
    }
    return reply.type('text/html; charset=utf-8').send(readFileSync(index));
  };
  app.get('/keystatic', page);
  app.get('/keystatic/*', page);

  app.get(`${KEYSTATIC_UI_BASE}/taxonomy.json`, async (request, reply) => {
    if (!(await editorOnly(request, reply, true))) return reply;
    const problems: never[] = [];
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(loadTaxonomy(contentRoot, problems)));
  });

  app.get(`${KEYSTATIC_UI_BASE}/:file`, async (request, reply) => {
    if (!(await editorOnly(request, reply, true))) return reply;
    const { file } = request.params as { file: string };
    const full = path.join(dir, file);
    if (!FILE_NAME.test(file) || file.endsWith('.br') || file.endsWith('.gz') || !existsSync(full)) {
      return reply.code(404).send({ error: 'not_found', message: 'این پرونده پیدا نشد.' });
    }
    // Hashed names never change; private: only a signed-in editor's browser keeps them.
    reply.header('cache-control', /^keystatic-[A-Z0-9]+\.js$/.test(file) ? 'private, max-age=31536000, immutable' : 'private, no-cache');
    reply.header('vary', 'accept-encoding, cookie').type(TYPES[path.extname(file)] ?? 'application/octet-stream');
    const accepts = String(request.headers['accept-encoding'] ?? '');
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
      if (accepts.includes(encoding) && existsSync(full + suffix)) return reply.header('content-encoding', encoding).send(readFileSync(full + suffix));
    }
    return reply.send(readFileSync(full));
  });
}
