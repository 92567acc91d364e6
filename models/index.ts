/**
 * The data layer: entities, migrations, the data source and repositories. This folder is the
 * only place that imports TypeORM; the rest of the app uses the repositories' plain objects.
 */
import 'reflect-metadata';

export * from './entities';
export { ALL_MIGRATIONS } from './migrations';
export {
  createDataSource,
  runMigrations,
  revertLastMigration,
  isPostgresUrl,
  type DataSource,
  type DataSourceOptions,
} from './data-source';
export { StaleEditError, NotFoundError, isUniqueViolation } from './errors';
export { openDatabase, describeDatabase, type DatabaseConfig } from './connect';
export { backupSqlite, BackupError, type BackupResult } from './backup';

export { withTransaction, toIsoInstant, type Db } from './repositories/db';
export * from './repositories/staff';
export * from './repositories/users';
export * from './repositories/sessions';
export * from './repositories/settings';
export * from './repositories/history';
export * from './repositories/audit';
export * from './repositories/actuals';
export * from './repositories/teams';
