/**
 * The one way an `/api` route is registered. Each call of `registerApi` opens a Fastify scope
 * that applies, to every route in it and by default:
 *
 * - the session: looked up once per request and put on `request.auth`;
 * - the route's access rule (`public`, `signed-in` or roles): 401 / 403 before the body is read;
 * - CSRF on every state-changing method: the session's token in `x-csrf-token`; a route opts out
 *   only with `csrf: { exempt: 'why' }`, and a request that carries no session has no ambient
 *   authority to abuse (a public route's visitor);
 * - the input, parsed with the contract's zod schemas (400 with a Persian message naming the
 *   field), and the answer checked against the contract's response schema;
 * - `Cache-Control: no-store` and the `{ error, message }` error handler.
 *
 * A route registered in the scope any other way (a bare `scope.get`) without an access rule
 * makes the server fail to start.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type * as z from 'zod';
import { parseRequestPart } from '../../src/api/fields';
import type { ApiRoute, ReplyOf } from '../../src/api/route';
import { ApiError, apiErrorHandler, MESSAGES } from '../accounts/api-errors';
import { CSRF_HEADER, csrfTokensMatch } from '../accounts/csrf';
import type { ActiveSession } from '../accounts/sessions';
import { decideAccess, describeAccess, STATE_CHANGING, type Access, type CsrfRule } from './access';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route (every `/api` route has one). */
    access?: Access;
    /** How a state-changing route is protected from cross-site requests. */
    csrf?: CsrfRule;
  }
  interface FastifyRequest {
    /** The signed-in session, or null (set for every `/api` route before its handler). */
    auth: ActiveSession | null;
  }
}

export type SessionLookup = (request: FastifyRequest) => Promise<ActiveSession | null>;

export interface ApiOptions {
  /** The request's live session; without accounts (no database) nobody is signed in. */
  readonly authOf?: SessionLookup;
  /** Check each JSON answer against the contract (a drift is a logged 500, not a broken page later). */
  readonly checkResponses?: boolean;
}

type Input<S> = NonNullable<S> extends z.ZodType ? z.output<NonNullable<S>> : undefined;

export interface ApiContext<R extends ApiRoute> {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly params: Input<R['params']>;
  readonly query: Input<R['query']>;
  readonly body: Input<R['body']>;
  /** The signed-in session (always set for `signed-in` and role routes). */
  readonly auth: ActiveSession | null;
}

export interface RouteRule<R extends ApiRoute> {
  readonly access: Access;
  /** Only for POST/PUT/DELETE routes that cannot carry the session's token; say why. */
  readonly csrf?: CsrfRule;
  readonly bodyLimit?: number;
  /** Fastify route options passed through (compression, helmet). */
  readonly fastify?: Pick<RouteShorthandOptions, 'compress' | 'decompress'> & { readonly config?: Record<string, unknown> };
  /**
   * Returns the answer (checked against `route.response`), or the reply when it sent
   * something that is not JSON (a PDF, a CSV, 204).
   */
  handler(context: ApiContext<R>): Promise<ReplyOf<R> | FastifyReply> | ReplyOf<R> | FastifyReply;
}

export interface ApiScope {
  route<R extends ApiRoute>(route: R, rule: RouteRule<R>): void;
  /** The scope itself, for what is not a route (content-type parsers). */
  readonly fastify: FastifyInstance;
}

const noSession: SessionLookup = async () => null;

function partOrThrow<S extends z.ZodType>(schema: S | undefined, value: unknown, code: string): unknown {
  if (!schema) return undefined;
  const parsed = parseRequestPart(schema, value);
  if (parsed.ok) return parsed.data;
  throw new ApiError(400, code, parsed.issue.message, parsed.issue.fields.length ? { fields: parsed.issue.fields } : {});
}

export async function registerApi(app: FastifyInstance, options: ApiOptions, define: (api: ApiScope) => void | Promise<void>): Promise<void> {
  const authOf = options.authOf ?? noSession;
  const checkResponses = options.checkResponses ?? true;

  if (!app.hasRequestDecorator('auth')) app.decorateRequest('auth', null);
  await app.register(async (scope) => {
    scope.setErrorHandler(apiErrorHandler);

    scope.addHook('onRoute', (route) => {
      const config = (route.config ?? {}) as { access?: Access };
      if (!config.access) throw new Error(`${String(route.method)} ${route.url}: an /api route must declare its access rule (public, signed-in or roles)`);
    });

    // Before the body is read: who is asking, whether they may, and whether the request is theirs.
    scope.addHook('onRequest', async (request) => {
      const config = request.routeOptions.config;
      const auth = await authOf(request);
      request.auth = auth;
      const decision = decideAccess(config.access!, auth?.user.role);
      if (decision === 'not_signed_in') throw new ApiError(401, 'not_signed_in', MESSAGES.notSignedIn);
      if (decision === 'forbidden') throw new ApiError(403, 'forbidden', MESSAGES.forbidden);
      if (STATE_CHANGING.has(request.method) && config.csrf === 'session-token' && auth) {
        if (!csrfTokensMatch(auth.csrfToken, request.headers[CSRF_HEADER])) throw new ApiError(403, 'csrf_failed', MESSAGES.csrf);
      }
    });

    scope.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    const api: ApiScope = {
      fastify: scope,
      route(route, rule) {
        const changing = STATE_CHANGING.has(route.method);
        if (!changing && rule.csrf) throw new Error(`${route.method} ${route.path}: a CSRF rule on a method that changes nothing`);
        const csrf: CsrfRule | undefined = changing ? (rule.csrf ?? 'session-token') : undefined;
        if (csrf && csrf !== 'session-token' && !csrf.exempt.trim()) throw new Error(`${route.method} ${route.path}: a CSRF exemption needs its reason`);
        scope.route({
          method: route.method,
          url: route.path,
          ...(rule.bodyLimit ? { bodyLimit: rule.bodyLimit } : {}),
          ...rule.fastify,
          config: { ...rule.fastify?.config, access: rule.access, csrf },
          handler: async (request, reply) => {
            // A text route given JSON (parsed to an object) was sent the wrong kind of content.
            if (route.bodyType === 'text' && typeof request.body !== 'string') throw new ApiError(415, 'unsupported_media_type', MESSAGES.textExpected);
            const context = {
              request,
              reply,
              auth: request.auth,
              params: partOrThrow(route.params, request.params, 'invalid_params'),
              query: partOrThrow(route.query, request.query, 'invalid_query'),
              body: partOrThrow(route.body, request.body, 'invalid_body'),
            } as ApiContext<typeof route>;
            const answer = await rule.handler(context);
            if (answer === reply || !route.response) return answer;
            if (checkResponses) {
              const checked = route.response.safeParse(answer);
              if (!checked.success) {
                request.log.error({ route: route.path, issues: checked.error.issues }, 'answer does not match the API contract');
                throw new ApiError(500, 'internal', MESSAGES.internal);
              }
            }
            return answer;
          },
        });
      },
    };
    await define(api);
  });
}

/** For the route listing: what a registered route declared. */
export function routeRuleSummary(config: { access?: Access; csrf?: CsrfRule }): string {
  const csrf = config.csrf === undefined ? 'n/a' : config.csrf === 'session-token' ? 'session token' : `exempt: ${config.csrf.exempt}`;
  return `${config.access ? describeAccess(config.access) : 'NO ACCESS RULE'}; csrf ${csrf}`;
}
