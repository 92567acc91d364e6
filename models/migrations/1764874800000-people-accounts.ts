/**
 * People's own accounts: an optional e-mail address on the login (for a forgotten-password
 * link), single-use password reset tokens (only a SHA-256 kept, with an expiry), and a generic
 * outbox of notifications that a delivery loop sends with retries, so that a mail server that is
 * down loses nothing and no request waits for SMTP.
 */
import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c, fk } from './columns';

const opt = c.nullable;

export class PeopleAccounts1764874800000 implements MigrationInterface {
  name = 'PeopleAccounts1764874800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('user_accounts', new TableColumn(c.str('email', 200, opt)));
    await queryRunner.createTable(
      new Table({
        name: 'password_reset_tokens',
        columns: [
          c.id(),
          c.int('userId'),
          c.str('tokenHash', 64),
          c.instant('expiresAt'),
          c.instant('usedAt', opt),
          c.instant('createdAt'),
        ],
        uniques: [{ name: 'uq_password_reset_tokens_token_hash', columnNames: ['tokenHash'] }],
        foreignKeys: [fk('password_reset_tokens', 'userId', 'user_accounts', 'CASCADE')],
        indices: [{ name: 'idx_password_reset_tokens_user', columnNames: ['userId'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notification_outbox',
        columns: [
          c.id(),
          c.str('kind', 40),
          c.str('recipient', 200),
          c.str('locale', 8),
          c.text('subject'),
          c.text('body'),
          c.int('attempts', { default: 0 }),
          c.instant('nextAttemptAt'),
          c.instant('sentAt', opt),
          c.text('lastError', opt),
          c.instant('createdAt'),
        ],
        indices: [{ name: 'idx_notification_outbox_due', columnNames: ['sentAt', 'nextAttemptAt'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notification_outbox');
    await queryRunner.dropTable('password_reset_tokens');
    await queryRunner.dropColumn('user_accounts', 'email');
  }
}
