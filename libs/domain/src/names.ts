/**
 * Names in the order Danish readers expect (æ, ø, å last). One collator for all: `localeCompare(x, 'da')` builds
 * a new one for every comparison, which made sorting a team's 40 people cost more than reading them.
 */
export const compareDanish: (a: string, b: string) => number = new Intl.Collator('da').compare;
