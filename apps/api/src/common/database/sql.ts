/** PostgreSQL's unique_violation: a concurrent writer got there first. */
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: string } | null)?.code === '23505';

/** A contains-pattern for ILIKE with the user's %, _ and \ taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
