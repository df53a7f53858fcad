/** A citizen's consent as recorded: withdrawing keeps when it was given, giving again starts anew. */
export interface ConsentState {
  given: boolean;
  givenAt: Date | null;
  withdrawnAt: Date | null;
}

/**
 * The consent after the citizen gives (`given`) or withdraws it. Repeating the current answer keeps
 * its time; a first withdrawal (nothing given) records no withdrawal time.
 */
export function changeConsent(existing: ConsentState | null, given: boolean, now: Date): ConsentState {
  if (given) return { given, givenAt: existing?.given ? existing.givenAt : now, withdrawnAt: null };
  return {
    given,
    givenAt: existing?.givenAt ?? null,
    withdrawnAt: existing?.given ? now : (existing?.withdrawnAt ?? null),
  };
}
