import { expect } from 'chai';
import { ALL_ENTITIES, revertLastMigration, runMigrations, type DataSource } from '../../../models';
import { createTestDataSource, destroyTestDataSource, testDbKind } from '../../support/db';

async function tableNames(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  try {
    const names = ALL_ENTITIES.map((e) => ds.getMetadata(e).tableName);
    const found: string[] = [];
    for (const name of names) if (await runner.hasTable(name)) found.push(name);
    return found;
  } finally {
    await runner.release();
  }
}

describe(`migrations (${testDbKind()})`, () => {
  let ds: DataSource | undefined;
  afterEach(async () => {
    await destroyTestDataSource(ds);
    ds = undefined;
  });

  it('migrations: on an empty database, create every entity table', async () => {
    ds = await createTestDataSource({ migrate: false });
    expect(await tableNames(ds)).to.deep.equal([]);
    const applied = await runMigrations(ds);
    expect(applied.length).to.be.greaterThan(0);
    expect((await tableNames(ds)).length).to.equal(ALL_ENTITIES.length);
  });

  it('migrations: run twice, apply nothing the second time', async () => {
    ds = await createTestDataSource();
    expect(await runMigrations(ds)).to.deep.equal([]);
  });

  it('migrations: reverted one by one, leave no entity table behind', async () => {
    ds = await createTestDataSource();
    while (await revertLastMigration(ds)) {
      /* undo every migration */
    }
    expect(await tableNames(ds)).to.deep.equal([]);
    await runMigrations(ds);
    expect((await tableNames(ds)).length).to.equal(ALL_ENTITIES.length);
  });

  it('entity metadata: every column matches a column the migrations created', async () => {
    ds = await createTestDataSource();
    const runner = ds.createQueryRunner();
    try {
      for (const entity of ALL_ENTITIES) {
        const meta = ds.getMetadata(entity);
        const table = await runner.getTable(meta.tableName);
        const dbColumns = new Set(table!.columns.map((c) => c.name));
        const missing = meta.columns.map((c) => c.databaseName).filter((n) => !dbColumns.has(n));
        expect(missing, `${meta.tableName} columns missing in the schema`).to.deep.equal([]);
        const extra = [...dbColumns].filter((n) => !meta.columns.some((c) => c.databaseName === n));
        expect(extra, `${meta.tableName} columns missing in the entity`).to.deep.equal([]);
      }
    } finally {
      await runner.release();
    }
  });

  it('drop shift_templates: up removes the unused table, down brings it back with its columns', async () => {
    ds = await createTestDataSource();
    const has = async () => {
      const runner = ds!.createQueryRunner();
      try {
        return (await runner.getTable('shift_templates'))?.columns.map((c) => c.name).sort() ?? null;
      } finally {
        await runner.release();
      }
    };
    expect(await has()).to.equal(null);
    // Reverted newest first until it reappears (later migrations may follow this one).
    while ((await has()) === null && (await revertLastMigration(ds))) {
      /* undo the next migration */
    }
    expect(await has()).to.deep.equal(
      ['active', 'breakMinutes', 'earliestStart', 'id', 'latestEnd', 'lengthMinutes', 'name', 'partTime', 'version'].sort(),
    );
    await runMigrations(ds);
    expect(await has()).to.equal(null);
  });
});
