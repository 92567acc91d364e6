/**
 * Scoped API tokens (security issue #11). A token now has a kind (a person's own 'personal'
 * token, an administrator's 'service' token that belongs to nobody, or a 'calendar' feed
 * secret), a list of scopes and an expiry; a service token has no user, so `userId` becomes
 * nullable. The audit log names the service token that acted, if one did.
 *
 * Tokens made before this migration get no scopes, so they no longer open anything: their
 * owners make new ones (a token used to carry all of its owner's powers).
 */
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c } from './columns';

const ADDED: { table: string; column: TableColumn }[] = [
  { table: 'api_tokens', column: new TableColumn(c.str('kind', 16, { default: 'personal' })) },
  { table: 'api_tokens', column: new TableColumn(c.text('scopes', { default: '' })) },
  { table: 'api_tokens', column: new TableColumn(c.instant('expiresAt', c.nullable)) },
  { table: 'audit_log', column: new TableColumn(c.int('serviceTokenId', c.nullable)) },
];

export class ScopedTokens1764151200000 implements MigrationInterface {
  name = 'ScopedTokens1764151200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, column } of ADDED) await queryRunner.addColumn(table, column);
    await queryRunner.changeColumn('api_tokens', 'userId', new TableColumn(c.int('userId', c.nullable)));
    await queryRunner.query(`UPDATE api_tokens SET kind = 'calendar' WHERE name = 'calendar'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM api_tokens WHERE "userId" IS NULL`);
    await queryRunner.changeColumn('api_tokens', 'userId', new TableColumn(c.int('userId')));
    for (const { table, column } of [...ADDED].reverse()) await queryRunner.dropColumn(table, column.name);
  }
}
