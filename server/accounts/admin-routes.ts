/**
 * `/api/admin/*`: what the admin page does — list users, create one user, disable one, import
 * contractor staff from CSV, read the audit log. Admins only; every state change needs the
 * session's CSRF token, a password re-entered in the last minutes (confirmation.ts), and is
 * written to the append-only audit log with who, when and from where.
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
import { listOrganisationOptions } from '../inbox/user-organisations';
import type { Database } from '../db/schema';
import { ApiError } from './api-errors';
import { listAudit, recordAudit } from './audit';
import { assertRecentlyConfirmed } from './confirmation';
import type { AccountGuards } from './guards';
import { importContractorsCsv } from './import-contractors';
import { ROLE_LABELS } from './roles';
import type { ActiveSession, SessionStore } from './sessions';
import { createUser, disableUser, findUser, listUsers, toPublicUser, type User } from './users';
import { AccountInputError, type FieldIssue } from './validation';

export interface AdminRoutesOptions {
  readonly db: Kysely<Database>;
  readonly guards: AccountGuards;
  /** To end a disabled user's sessions in this process's memory too. */
  readonly sessions: SessionStore;
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
  unit: 'unitCode',
  email: 'email',
  phone: 'phone',
};

export type { AdminUser };

function toAdminUser(user: User): AdminUser {
  return { ...toPublicUser(user), createdAt: user.createdAt, disabled: user.disabled };
}

const adminOnly = { roles: ADMIN_ROLES } as const;

const actorOf = (session: ActiveSession) => ({ id: session.user.id, username: session.user.username });

export async function registerAdminRoutes(app: FastifyInstance, { db, guards, sessions, now = Date.now }: AdminRoutesOptions): Promise<void> {
  await registerApi(app, { authOf: guards.authOf }, ({ route, fastify: scope }) => {
    // CSV arrives as text; a spreadsheet's export may be labelled either way.
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser(['text/plain', 'text/csv'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

    route(adminRoutes.listUsers, {
      access: adminOnly,
      async handler() {
        const [users, organisations] = await Promise.all([listUsers(db), listOrganisationOptions(db)]);
        return { users: users.map(toAdminUser), roles: ROLE_LABELS, organisations };
      },
    });

    route(adminRoutes.createUser, {
      access: adminOnly,
      bodyLimit: CREATE_BODY_LIMIT,
      async handler({ body, reply, auth, request }) {
        assertRecentlyConfirmed(auth!, now());
        try {
          // The contract brought every field to text; the account rules judge them.
          const user = await createUser(db, body, now());
          await recordAudit(db, { actor: actorOf(auth!), action: 'user.create', target: user.username, detail: { role: user.role, company: user.company }, address: request.ip }, now());
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
      async handler({ body, reply, auth, request }) {
        assertRecentlyConfirmed(auth!, now());
        const result = await importContractorsCsv(db, body, now());
        if (!result.ok) {
          throw new ApiError(400, 'import_failed', 'هیچ سطری ثبت نشد؛ خطاهای پرونده را برطرف کنید و دوباره بفرستید.', {
            problems: result.problems.map((p) => ({ row: p.row, field: p.field, message: p.messageFa })),
          });
        }
        const usernames = result.imported.map((u) => u.username);
        await recordAudit(db, { actor: actorOf(auth!), action: 'contractors.import', target: String(usernames.length), detail: { usernames }, address: request.ip }, now());
        reply.code(201);
        return { imported: [...result.imported] };
      },
    });

    route(adminRoutes.disableUser, {
      access: adminOnly,
      async handler({ params, auth, request }) {
        assertRecentlyConfirmed(auth!, now());
        if (params.username === auth!.user.username) throw new ApiError(400, 'cannot_disable_self', 'حساب خودتان را نمی‌توانید غیرفعال کنید.');
        const existing = await findUser(db, params.username);
        if (!existing) throw new ApiError(404, 'user_not_found', 'کاربری با این نام کاربری نیست.');
        await disableUser(db, params.username, now());
        await sessions.revokeAllForUser(existing.id);
        await recordAudit(db, { actor: actorOf(auth!), action: 'user.disable', target: existing.username, address: request.ip }, now());
        return { user: toAdminUser((await findUser(db, params.username))!) };
      },
    });

    route(adminRoutes.audit, {
      access: adminOnly,
      handler: async () => ({ entries: await listAudit(db) }),
    });
  });
}
