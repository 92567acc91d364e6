/**
 * Volumes may be decimal (#13): some exports write 38.5 contacts in an interval (averaged or
 * split contacts). `contact_history.offered` becomes a double precision column.
 *
 * PostgreSQL alters the type in place; TypeORM's changeColumn would drop and re-add the column
 * there (losing the history), so it is plain SQL. SQLite cannot alter a column's type: the
 * QueryRunner rebuilds the table, copying the rows.
 */
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

const TABLE = 'contact_history';

export class DecimalVolumes1764928800000 implements MigrationInterface {
  name = 'DecimalVolumes1764928800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.retype(queryRunner, 'double precision', c.num('offered'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Back to whole numbers: PostgreSQL rounds decimals (half to even); SQLite keeps them as they are.
    await this.retype(queryRunner, 'integer USING round("offered")::integer', c.int('offered'));
  }

  private async retype(queryRunner: QueryRunner, pgType: string, column: ReturnType<typeof c.num>): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`ALTER TABLE "${TABLE}" ALTER COLUMN "offered" TYPE ${pgType}`);
      return;
    }
    const table = await queryRunner.getTable(TABLE);
    const old = table!.findColumnByName('offered')!;
    await queryRunner.changeColumn(table!, old, new TableColumn(column));
  }
}
