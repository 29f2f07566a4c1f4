export { databaseOptionsFromEnv, DatabaseError, migrateToLatest, openDatabase, redactUrl } from './open';
export type { DatabaseHandle, DialectName, OpenDatabaseOptions } from './open';
export { checkNativeModules, NativeModuleError } from './native-check';
export { isUniqueViolation } from './errors';
export * from './schema';
