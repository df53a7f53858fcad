import { useMutation } from '@tanstack/react-query';
import type { RevealCpr } from '@tvaers/contracts';
import { revealCpr } from '@web/api/citizens-api';

/** The full CPR number, audited with its reason; never cached, it is asked for each time. */
export function useRevealCpr(citizenId: string) {
  return useMutation({ mutationFn: (input: RevealCpr) => revealCpr(citizenId, input) });
}
