export { databaseOptionsFromEnv, DatabaseError, migrateToLatest, openDatabase, redactUrl } from './open';
export type { DatabaseHandle, DialectName, OpenDatabaseOptions } from './open';
export { checkNativeModules, NativeModuleError } from './native-check';
export { DATABASE_FAILURE_ANSWERS, databaseFailureOf, isUniqueViolation, type DatabaseFailure } from './errors';
export * from './schema';
