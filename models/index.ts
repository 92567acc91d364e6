/**
 * The data layer: entities, migrations, the data source and repositories. This folder is the
 * only place that imports TypeORM; the rest of the app uses the repositories' plain objects.
 */
import 'reflect-metadata';

export * from './entities';
export { ALL_MIGRATIONS } from './migrations';
export { createDataSource, runMigrations, revertLastMigration, isPostgresUrl, type DataSource, type DataSourceOptions } from './data-source';
export { StaleEditError, NotFoundError } from './errors';
