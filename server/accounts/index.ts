/** Accounts: users, passwords, sessions, CSRF, sign-in limits and the `/api/auth` routes. */
export { ApiError, apiErrorHandler, MESSAGES, sendApiError, type ApiErrorBody } from './api-errors';
export { csrfTokensMatch, CSRF_HEADER, newCsrfToken } from './csrf';
export { parseCsv, CsvSyntaxError, type CsvRecord } from './csv';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, demoSignInHelp, ensureDemoUsers, type DemoAccount, type DemoUsersResult } from './demo-users';
export { createGuards, SESSION_COOKIE, type AccountGuards } from './guards';
export { CONTRACTOR_COLUMNS, formatProblem, importContractorsCsv, type ImportedUser, type ImportProblem, type ImportResult } from './import-contractors';
export { DEFAULT_SCRYPT, generatePassword, hashPassword, needsRehash, verifyPassword, type ScryptParams } from './password';
export { createSignInLimiter, DEFAULT_SIGN_IN_LIMITS, type SignInLimiter, type SignInLimits } from './rate-limit';
export { audienceOfRole, buildAudienceOfRole, isRole, ROLE_LABELS, ROLES, type Role } from './roles';
export { registerAccountRoutes, type AccountRoutesOptions, type AccountServices, type SignedIn } from './routes';
export { createSessionStore, DEFAULT_SESSION_LIFETIMES, hashSessionToken, type ActiveSession, type SessionLifetimes, type SessionStore } from './sessions';
export {
  authenticate,
  changePassword,
  createUser,
  disableUser,
  enableUser,
  findUser,
  getUser,
  listUsers,
  setPassword,
  toPublicUser,
  type PublicUser,
  type User,
} from './users';
export { AccountInputError, normalizePersianText, validateNewUser, type FieldIssue, type NewUserInput } from './validation';
