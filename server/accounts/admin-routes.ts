/**
 * `/api/admin/*`: what the admin page does — list users, create one user, import contractor
 * staff from CSV. Admins only, and every state change needs the session's CSRF token.
 *
 * Validation problems are answered per field (one user) or per CSV row (import), in Persian,
 * so the page can put each message beside the input or the row it is about. The import is
 * all or nothing (`importContractorsCsv` stores no row unless every row is right).
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError, apiErrorHandler, MESSAGES } from './api-errors';
import type { AccountGuards } from './guards';
import { importContractorsCsv } from './import-contractors';
import { ROLE_LABELS } from './roles';
import { createUser, listUsers, toPublicUser, type PublicUser, type User } from './users';
import { AccountInputError, type FieldIssue } from './validation';

export interface AdminRoutesOptions {
  readonly db: Kysely<Database>;
  readonly guards: AccountGuards;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** A CSV of 1,000 rows (the import's limit) is well under this. */
export const IMPORT_BODY_LIMIT = 1024 * 1024;
const CREATE_BODY_LIMIT = 8 * 1024;

/** The API's field names, for the form; the validator names columns as the CSV does. */
const API_FIELD: Record<FieldIssue['field'], string> = {
  username: 'username',
  password: 'password',
  display_name: 'displayName',
  role: 'role',
  company: 'company',
};

export interface AdminUser extends PublicUser {
  readonly createdAt: number;
  readonly disabled: boolean;
}

function toAdminUser(user: User): AdminUser {
  return { ...toPublicUser(user), createdAt: user.createdAt, disabled: user.disabled };
}

export async function registerAdminRoutes(app: FastifyInstance, { db, guards, now = Date.now }: AdminRoutesOptions): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler(apiErrorHandler);
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    // CSV arrives as text; a spreadsheet's export may be labelled either way.
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser(['text/plain', 'text/csv'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

    const adminOnly = guards.requireUser(['admin']);

    scope.get('/api/admin/users', { preHandler: adminOnly }, async () => {
      const users = await listUsers(db);
      return { users: users.map(toAdminUser), roles: ROLE_LABELS };
    });

    scope.post('/api/admin/users', { bodyLimit: CREATE_BODY_LIMIT, preHandler: [adminOnly, guards.requireCsrf] }, async (request, reply) => {
      const body = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'invalid_body', MESSAGES.notAnObject);
      const input = body as Record<string, unknown>;
      const text = (key: string) => (typeof input[key] === 'string' ? (input[key] as string) : input[key] == null ? '' : String(input[key]));
      try {
        const user = await createUser(
          db,
          { username: text('username'), password: text('password'), displayName: text('displayName'), role: text('role'), company: text('company') },
          now(),
        );
        return reply.code(201).send({ user: toAdminUser(user) });
      } catch (error) {
        if (!(error instanceof AccountInputError)) throw error;
        const issues = error.issues.map((i) => ({ field: API_FIELD[i.field], message: i.messageFa }));
        return reply.code(400).send({
          error: 'invalid_input',
          message: 'کاربر ساخته نشد؛ خطاهای فرم را برطرف کنید.',
          fields: [...new Set(issues.map((i) => i.field))],
          issues,
        });
      }
    });

    scope.post(
      '/api/admin/contractors/import',
      { bodyLimit: IMPORT_BODY_LIMIT, preHandler: [adminOnly, guards.requireCsrf] },
      async (request, reply) => {
        if (typeof request.body !== 'string') {
          throw new ApiError(415, 'unsupported_media_type', 'پروندهٔ CSV را به‌صورت متن (text/csv) بفرستید.');
        }
        const result = await importContractorsCsv(db, request.body, now());
        if (!result.ok) {
          return reply.code(400).send({
            error: 'import_failed',
            message: 'هیچ سطری ثبت نشد؛ خطاهای پرونده را برطرف کنید و دوباره بفرستید.',
            problems: result.problems.map((p) => ({ row: p.row, field: p.field, message: p.messageFa })),
          });
        }
        return reply.code(201).send({ imported: result.imported });
      },
    );
  });
}
