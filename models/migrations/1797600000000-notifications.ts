/**
 * Notifications to people: an in-app list (`notifications`, what happened as a catalogue code
 * and its parameters, rendered in the reader's language when shown), each person's switches per
 * topic (`user_accounts.notificationSettings`, JSON; null = everything on), and outbox mail that
 * is written at send time from the same code (`notification_outbox.params`; null = a mail whose
 * subject and body were written when queued, as the forgotten-password link).
 */
import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { c, fk } from './columns';

const opt = c.nullable;

export class Notifications1797600000000 implements MigrationInterface {
  name = 'Notifications1797600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          c.id(),
          c.int('userId'),
          c.str('topic', 16),
          c.str('kind', 40),
          c.text('params'),
          c.instant('createdAt'),
          c.instant('readAt', opt),
        ],
        foreignKeys: [fk('notifications', 'userId', 'user_accounts', 'CASCADE')],
        indices: [{ name: 'idx_notifications_user_read', columnNames: ['userId', 'readAt'] }],
      }),
    );
    await queryRunner.addColumn('user_accounts', new TableColumn(c.text('notificationSettings', opt)));
    await queryRunner.addColumn('notification_outbox', new TableColumn(c.text('params', opt)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('notification_outbox', 'params');
    await queryRunner.dropColumn('user_accounts', 'notificationSettings');
    await queryRunner.dropTable('notifications');
  }
}
