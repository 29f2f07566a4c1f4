/**
 * One API route as both sides know it: method, path (Fastify's `:param` form), and the zod
 * schemas of its params, query, body and successful answer. The server registers its handler
 * against this object (server/api/) and the browser calls it (src/lib/api.ts), so a path or a
 * shape cannot differ between them.
 */
import { z } from './zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRoute<
  M extends HttpMethod = HttpMethod,
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: M;
  readonly path: string;
  readonly params?: P;
  readonly query?: Q;
  /** The body's schema: of the JSON, or of the text when `bodyType` is `text`. */
  readonly body?: B;
  /** `json` (default) or `text` (a CSV file, sent as text/csv or text/plain). */
  readonly bodyType?: 'json' | 'text';
  /** The 2xx answer; `null` for an answer that is not JSON (a PDF, a CSV, 204). */
  readonly response: R | null;
}

export function defineRoute<
  M extends HttpMethod,
  P extends z.ZodType = z.ZodNever,
  Q extends z.ZodType = z.ZodNever,
  B extends z.ZodType = z.ZodNever,
  R extends z.ZodType = z.ZodNever,
>(route: { method: M; path: string; params?: P; query?: Q; body?: B; bodyType?: 'json' | 'text'; response: R | null }): ApiRoute<M, P, Q, B, R> {
  return route;
}

export type ParamsOf<T> = T extends ApiRoute<HttpMethod, infer P> ? z.input<P> : never;
export type QueryOf<T> = T extends ApiRoute<HttpMethod, z.ZodType, infer Q> ? z.input<Q> : never;
export type BodyOf<T> = T extends ApiRoute<HttpMethod, z.ZodType, z.ZodType, infer B> ? z.input<B> : never;
/** What the browser gets after parsing. */
export type ResponseOf<T> = T extends ApiRoute<HttpMethod, z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;
/** What a handler may return (before the schema's defaults and transforms); read-only arrays welcome. */
export type ReplyOf<T> = T extends ApiRoute<HttpMethod, z.ZodType, z.ZodType, z.ZodType, infer R> ? DeepReadonly<z.input<R>> : never;

type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends Record<string, unknown>
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** `/api/x/:id` with `{ id: 'a b' }` → `/api/x/a%20b`. */
export function pathOf(route: Pick<ApiRoute, 'path'>, params: Record<string, string> = {}): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
}
