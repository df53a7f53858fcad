/**
 * The scope of a list query: the SQL predicate of what the staff member may see, with its parameters.
 * Other folders' repositories filter by it; they never reach the access repository itself.
 */
export interface ListScope {
  /** Predicate on a case row; use it with the parameters below (named for TypeORM query builders). */
  cases(alias: string): string;
  /** Predicate on a citizen row. */
  citizens(alias: string): string;
  params: { scopeTeamIds: string[]; scopeStaffId: string };
}
