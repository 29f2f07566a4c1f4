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
import { adminRoutes, type AdminUser } from '../../src/api/admin';
import { ADMIN_ROLES } from '../../src/api/roles';
import { registerApi } from '../api/plugin';
import type { Database } from '../db/schema';
import { ApiError } from './api-errors';
import type { AccountGuards } from './guards';
import { importContractorsCsv } from './import-contractors';
import { ROLE_LABELS } from './roles';
import { createUser, listUsers, toPublicUser, type User } from './users';
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

export type { AdminUser };

function toAdminUser(user: User): AdminUser {
  return { ...toPublicUser(user), createdAt: user.createdAt, disabled: user.disabled };
}

const adminOnly = { roles: ADMIN_ROLES } as const;

export async function registerAdminRoutes(app: FastifyInstance, { db, guards, now = Date.now }: AdminRoutesOptions): Promise<void> {
  await registerApi(app, { authOf: guards.authOf }, ({ route, fastify: scope }) => {
    // CSV arrives as text; a spreadsheet's export may be labelled either way.
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser(['text/plain', 'text/csv'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

    route(adminRoutes.listUsers, {
      access: adminOnly,
      async handler() {
        const users = await listUsers(db);
        return { users: users.map(toAdminUser), roles: ROLE_LABELS };
      },
    });

    route(adminRoutes.createUser, {
      access: adminOnly,
      bodyLimit: CREATE_BODY_LIMIT,
      async handler({ body, reply }) {
        try {
          // The contract brought every field to text; the account rules judge them.
          const user = await createUser(db, body, now());
          reply.code(201);
          return { user: toAdminUser(user) };
        } catch (error) {
          if (!(error instanceof AccountInputError)) throw error;
          const issues = error.issues.map((i) => ({ field: API_FIELD[i.field], message: i.messageFa }));
          throw new ApiError(400, 'invalid_input', 'کاربر ساخته نشد؛ خطاهای فرم را برطرف کنید.', { fields: [...new Set(issues.map((i) => i.field))], issues });
        }
      },
    });

    route(adminRoutes.importContractors, {
      access: adminOnly,
      bodyLimit: IMPORT_BODY_LIMIT,
      async handler({ body, reply }) {
        const result = await importContractorsCsv(db, body, now());
        if (!result.ok) {
          throw new ApiError(400, 'import_failed', 'هیچ سطری ثبت نشد؛ خطاهای پرونده را برطرف کنید و دوباره بفرستید.', {
            problems: result.problems.map((p) => ({ row: p.row, field: p.field, message: p.messageFa })),
          });
        }
        reply.code(201);
        return { imported: [...result.imported] };
      },
    });
  });
}
