/**
 * The scope of a list query: the SQL predicate of what the staff member may see, with its parameters.
 * Other folders' repositories filter by it; they never reach the access repository itself.
 */
export interface ListScope {
  /** Predicate on a case row; use it with the parameters below (named for TypeORM query builders). */
  cases(alias: string): string;
  /**
   * The same cases as disjoint predicates whose union is `cases(alias)`: the own teams' cases, and other teams'
   * cases the staff member is a member of. An aggregate over each part reads that part's index alone (the teams'
   * part index-only), where one `OR` makes PostgreSQL visit every visible row.
   */
  caseParts(alias: string): string[];
  /**
   * Whether every case of these teams is visible (they are all the staff member's own teams): a list filtered to
   * them needs no other predicate, so its query can run on the team's indexes alone.
   */
  coversTeams(teamIds: readonly string[]): boolean;
  /** Predicate on a citizen row. */
  citizens(alias: string): string;
  params: { scopeTeamIds: string[]; scopeStaffId: string };
}
