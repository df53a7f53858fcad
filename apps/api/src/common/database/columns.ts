import {
  Column,
  type ColumnOptions,
  type ColumnType,
  CreateDateColumn,
  JoinColumn,
  ManyToOne,
  type ObjectType,
  OneToOne,
  type RelationOptions,
  UpdateDateColumn,
} from 'typeorm';

/**
 * How every entity declares its columns. A column's database name is always its property's name in snake_case
 * (`decidedById` → `decided_by_id`), so no entity spells it out; raw SQL and migrations use those names.
 * Each decorator is TypeORM's own with that name filled in: the schema is exactly what TypeORM would make of it.
 */

const snakeCase = (key: string | symbol): string => String(key).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type Options = Pick<
  ColumnOptions,
  'nullable' | 'default' | 'primary' | 'array' | 'length' | 'precision' | 'scale' | 'insert' | 'update' | 'select'
>;

const columnOf =
  (type: ColumnType) =>
  (options: Options = {}): PropertyDecorator =>
  (target, key) =>
    Column({ type, name: snakeCase(key), ...options })(target, key);

export const TextColumn = columnOf('text');
export const UuidColumn = columnOf('uuid');
export const TimestampColumn = columnOf('timestamptz');
/** A calendar date, read as 'YYYY-MM-DD'. */
export const DateColumn = columnOf('date');
export const JsonColumn = columnOf('jsonb');
export const BooleanColumn = columnOf('boolean');
export const IntegerColumn = columnOf('integer');
export const SmallIntColumn = columnOf('smallint');
/** 64-bit integers, read as a string by the driver. */
export const BigIntColumn = columnOf('bigint');
/** Exact decimals, read as a string. */
export const NumericColumn = columnOf('numeric');
export const BytesColumn = columnOf('bytea');
export const CharColumn = columnOf('char');

/** A timestamp the database sets when the row is inserted. */
export const CreatedAtColumn = (): PropertyDecorator => (target, key) =>
  CreateDateColumn({ name: snakeCase(key), type: 'timestamptz' })(target, key);

/** A timestamp the database sets on every update through TypeORM. */
export const UpdatedAtColumn = (): PropertyDecorator => (target, key) =>
  UpdateDateColumn({ name: snakeCase(key), type: 'timestamptz' })(target, key);

interface ForeignKeyOptions<T> extends Pick<RelationOptions, 'onDelete' | 'nullable'> {
  onDelete: NonNullable<RelationOptions['onDelete']>;
  /** The other entity's list of these rows, if it keeps one. */
  inverse?: (other: T) => unknown;
  /** At most one row refers to each row of the other entity (the referring column is this table's key). */
  oneToOne?: true;
  /** The constraint's name, where it is not the one TypeORM generates. */
  constraint?: string;
}

/**
 * The relation behind a foreign key: `@ForeignKey(() => CaseEntity, …) case` joins over the column `case_id`,
 * which the entity declares itself as `@UuidColumn() caseId`, the id the code reads and writes.
 */
export function ForeignKey<T>(
  to: () => ObjectType<T>,
  { inverse, oneToOne, constraint, ...relation }: ForeignKeyOptions<T>,
): PropertyDecorator {
  return (target, key) => {
    if (oneToOne) OneToOne(to, relation)(target, key);
    else if (inverse) ManyToOne(to, inverse, relation)(target, key);
    else ManyToOne(to, relation)(target, key);
    JoinColumn({ name: `${snakeCase(key)}_id`, ...(constraint ? { foreignKeyConstraintName: constraint } : {}) })(
      target,
      key,
    );
  };
}
