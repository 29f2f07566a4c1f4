/**
 * Keystatic's local-mode API (`makeGenericAPIRouteHandler`), mounted at `/api/keystatic/*`
 * behind the Ayin session. Keystatic alone has no authentication, no git and no stale-edit
 * check; this wrapper adds all three:
 *
 * - only editors and approvers reach it (registerApi: 401 / 403 in Persian);
 * - the body of `POST update` is read first and every path checked (content-paths.ts);
 * - a save of a file that changed since this session last read the tree is refused with a
 *   Persian 409 and nothing is written (the second editor reloads and redoes the change);
 * - each accepted save becomes one git commit in the content repository, the editor its author;
 * - `GET tree` never lists the build, the database or the server.
 *
 * Saves are serialised: the check, the write and the commit of one save finish before the
 * next save is checked.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '@keystatic/core';
import { makeGenericAPIRouteHandler } from '@keystatic/core/api/generic';
import { EDITING_ROLES, keystaticRoutes } from '../../src/api/editorial';
import { ApiError } from '../accounts/api-errors';
import type { ActiveSession } from '../accounts/sessions';
import { registerApi, type SessionLookup } from '../api/plugin';
import { hiddenFromTree, refusedPath } from './content-paths';
import { commitPaths, currentSha } from './git';

export interface KeystaticApiOptions {
  /** The content repository Keystatic reads and writes (a git work tree). */
  readonly contentRoot: string;
  /** Keystatic's config (keystatic.config.ts: `keystaticConfigAt(contentRoot)`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly config: Config<any, any>;
  readonly authOf: SessionLookup;
  /** Largest save accepted, in bytes (base64 of the files inside JSON). */
  readonly bodyLimit?: number;
  /** Called after each accepted save's commit: the files written (their text) and deleted (null). */
  readonly onSaved?: (session: ActiveSession, files: readonly { path: string; text: string | null }[]) => Promise<void>;
}

interface TreeEntry {
  readonly path: string;
  readonly type: string;
  readonly sha: string;
}

interface UpdateBody {
  readonly additions: readonly { readonly path: string; readonly contents: string }[];
  readonly deletions: readonly { readonly path: string }[];
}

const KEYSTATIC_HEADER = 'no-cors';

function parseUpdate(body: unknown): UpdateBody | null {
  if (!body || typeof body !== 'object') return null;
  const { additions, deletions } = body as Record<string, unknown>;
  if (!Array.isArray(additions) || !Array.isArray(deletions)) return null;
  const ok = (x: unknown, withContents: boolean) =>
    !!x && typeof x === 'object' && typeof (x as { path?: unknown }).path === 'string' && (!withContents || typeof (x as { contents?: unknown }).contents === 'string');
  if (!additions.every((a) => ok(a, true)) || !deletions.every((d) => ok(d, false))) return null;
  return body as UpdateBody;
}

export async function registerKeystaticApi(app: FastifyInstance, options: KeystaticApiOptions): Promise<void> {
  const handler = makeGenericAPIRouteHandler({ config: options.config, localBaseDirectory: options.contentRoot });
  /** Per session: the blob id of each file as that session last saw it (its last tree). */
  const seen = new Map<string, Map<string, string>>();
  let saving: Promise<unknown> = Promise.resolve();

  const callKeystatic = async (request: FastifyRequest) => {
    const result = await handler({
      method: request.method,
      url: `http://ayin.local${request.url}`,
      headers: { get: (name: string) => (request.headers[name.toLowerCase()] as string | undefined) ?? null },
      json: async () => request.body,
    });
    return result;
  };

  const remember = (session: ActiveSession, entries: readonly TreeEntry[]) => {
    seen.set(session.id, new Map(entries.filter((e) => e.type === 'blob').map((e) => [e.path, e.sha])));
  };

  /** Keystatic's tree answer without what editors must never see; recorded as this session's view. */
  const sendTree = (reply: FastifyReply, session: ActiveSession, status: number, body: unknown) => {
    const entries = (JSON.parse(String(body)) as TreeEntry[]).filter((e) => !hiddenFromTree(e.path));
    remember(session, entries);
    return reply.code(status).type('application/json').send(JSON.stringify(entries));
  };

  const sendRaw = (reply: FastifyReply, result: { status?: number; headers?: unknown; body: unknown }) => {
    const headers = new Headers((result.headers ?? undefined) as HeadersInit | undefined);
    reply.code(result.status ?? 200);
    const type = headers.get('content-type');
    if (type) reply.type(type);
    return reply.send(typeof result.body === 'string' ? result.body : Buffer.from(result.body as Uint8Array));
  };

  await registerApi(app, { authOf: options.authOf }, (api) => {
    api.route(keystaticRoutes.read, {
      access: { roles: EDITING_ROLES },
      handler: async ({ request, reply, auth }) => {
        const result = await callKeystatic(request);
        const params = (request.params as { '*': string })['*'];
        if (params === 'tree' && result.status === 200) return sendTree(reply, auth!, 200, result.body);
        if (params.startsWith('blob/')) {
          const filepath = params.split('/').slice(2).join('/');
          if (hiddenFromTree(filepath)) throw new ApiError(404, 'not_found', 'این پرونده پیدا نشد.');
        }
        return sendRaw(reply, result);
      },
    });

    api.route(keystaticRoutes.update, {
      access: { roles: EDITING_ROLES },
      // Keystatic's UI cannot send Ayin's token. Its requests carry the custom `no-cors: 1`
      // header and `application/json`, which a cross-site page cannot send without a CORS
      // preflight, and this server answers no preflight; the handler insists on both.
      csrf: { exempt: 'Keystatic UI: custom no-cors header and JSON body force a preflight that is never granted' },
      bodyLimit: options.bodyLimit ?? 8 * 1024 * 1024,
      handler: async ({ request, reply, auth }) => {
        const session = auth!;
        if ((request.params as { '*': string })['*'] !== 'update') throw new ApiError(404, 'not_found', 'این نشانی وجود ندارد.');
        if (request.headers[KEYSTATIC_HEADER] !== '1' || request.headers['content-type'] !== 'application/json') {
          throw new ApiError(400, 'bad_request', 'درخواست ذخیره از ویرایشگر محتوا نیامده است.');
        }
        const update = parseUpdate(request.body);
        if (!update) throw new ApiError(400, 'invalid_body', 'محتوای درخواست ذخیره نامعتبر است.');
        const paths = [...update.additions.map((a) => a.path), ...update.deletions.map((d) => d.path)];
        if (paths.length === 0) throw new ApiError(400, 'invalid_body', 'چیزی برای ذخیره فرستاده نشده است.');
        for (const filepath of paths) {
          const why = refusedPath(session.user.role, filepath);
          if (why) throw new ApiError(403, 'path_not_allowed', `${why}: ${filepath}`);
        }

        const run = saving.then(async () => {
          const view = seen.get(session.id);
          if (!view) throw new ApiError(409, 'stale_edit', 'فهرست پرونده‌ها را ندیده‌اید؛ صفحه را دوباره بارگذاری کنید و سپس ذخیره کنید.');
          for (const filepath of paths) {
            const now = await currentSha(options.contentRoot, filepath);
            const then = view.get(filepath) ?? null;
            if (now !== then) {
              throw new ApiError(
                409,
                'stale_edit',
                `پرونده «${filepath}» پس از بازکردن آن به دست ویراستار دیگری تغییر کرده است. چیزی ذخیره نشد: صفحه را دوباره بارگذاری کنید، تغییر خود را روی متن تازه اعمال کنید و دوباره ذخیره کنید.`,
              );
            }
          }
          const result = await callKeystatic(request);
          if (result.status !== 200) return { result };
          const commit = await commitPaths(
            options.contentRoot,
            paths,
            { name: session.user.displayName, email: `${session.user.username}@ayin.invalid` },
            `ویرایش محتوا: ${paths.join('، ')}\n\nSaved in Keystatic by ${session.user.username} (${session.user.role}).`,
          );
          await options.onSaved?.(session, [
            ...update.additions.map((a) => ({ path: a.path, text: Buffer.from(a.contents, 'base64url').toString('utf8') })),
            ...update.deletions.map((d) => ({ path: d.path, text: null })),
          ]);
          return { result, commit };
        });
        saving = run.catch(() => undefined);
        const { result, commit } = await run;
        if (result.status !== 200) return sendRaw(reply, result);
        if (commit) reply.header('x-ayin-commit', commit);
        return sendTree(reply, session, 200, result.body);
      },
    });
  });
}
