/**
 * Column builders for migrations, limited to types both SQLite and PostgreSQL understand the
 * same way: integer, varchar(n), text, boolean (SQLite stores 0/1, TypeORM maps it) and
 * double precision (8-byte float in both; 'real' would be 4-byte in PostgreSQL).
 * Defaults are SQL literals, hence the quoting in `str`.
 */
import type { TableColumnOptions } from 'typeorm';

type Extra = Partial<Pick<TableColumnOptions, 'isNullable' | 'isUnique'>> & { default?: string | number | boolean };

function literal(value: string | number | boolean | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return String(value);
}

function col(name: string, type: string, extra: Extra = {}, length?: string): TableColumnOptions {
  return {
    name,
    type,
    length,
    isNullable: extra.isNullable ?? false,
    isUnique: extra.isUnique,
    default: literal(extra.default),
  };
}

export const c = {
  id: (name = 'id'): TableColumnOptions => ({
    name,
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  int: (name: string, extra?: Extra) => col(name, 'integer', extra),
  num: (name: string, extra?: Extra) => col(name, 'double precision', extra),
  str: (name: string, length: number, extra?: Extra) => col(name, 'varchar', extra, String(length)),
  text: (name: string, extra?: Extra) => col(name, 'text', extra),
  bool: (name: string, extra?: Extra) => col(name, 'boolean', extra),
  /** An instant, ISO-8601 UTC 'YYYY-MM-DDTHH:mm:ss.sssZ'. */
  instant: (name: string, extra?: Extra) => col(name, 'varchar', extra, '24'),
  /** A local calendar date 'YYYY-MM-DD'. */
  date: (name: string, extra?: Extra) => col(name, 'varchar', extra, '10'),
  /** A local time of day 'HH:mm'. */
  time: (name: string, extra?: Extra) => col(name, 'varchar', extra, '5'),
  nullable: { isNullable: true } as Extra,
};

/** A foreign key named after its table and column, so names are unique in the schema. */
export function fk(table: string, column: string, referencedTable: string, onDelete: 'CASCADE' | 'SET NULL' | 'NO ACTION' = 'NO ACTION') {
  return {
    name: `fk_${table}_${column}`,
    columnNames: [column],
    referencedTableName: referencedTable,
    referencedColumnNames: ['id'],
    onDelete,
  };
}
