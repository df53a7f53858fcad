/** What an anonymised citizen is called, and what stands where their free text was (where a text is required). */
export const ANONYMOUS_NAME = 'Anonymiseret borger';
export const REDACTED = 'Anonymiseret';
/** The cases of the citizens in `$1` (uuid[]), for the retention statements of each context. */
export const CASES_OF_CITIZENS = `SELECT id FROM "case" WHERE citizen_id = ANY($1::uuid[])`;
