import type { Case, CaseloadRow } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { useMoveCases, useMoveSuggestions } from '../hooks/useCaseload';
import { AssignForm } from './AssignForm';

/**
 * Moves one or several of a person's cases to a colleague, all at once: who has room for all of them is
 * suggested first; past the ceiling (their summed weight) only by a manager's override with a reason.
 */
export function MovePanel({
  teamId,
  holder,
  cases,
  team,
  onCancel,
  onMoved,
}: {
  teamId: string;
  /** Whose cases they are. */
  holder: CaseloadRow;
  cases: readonly Case[];
  team: readonly CaseloadRow[];
  onCancel: () => void;
  onMoved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const caseIds = cases.map((k) => k.id);
  const suggestions = useMoveSuggestions(caseIds);
  const move = useMoveCases(teamId);
  const one = cases.length === 1;

  return (
    <AssignForm
      legend={
        one
          ? t('moves.whoOne', { citizen: cases[0].citizenName })
          : t('moves.whoMany', { count: cases.length, name: holder.name })
      }
      suggestions={suggestions}
      team={team}
      holderIds={[holder.staffId]}
      discipline={holder.discipline}
      refusedText={one ? t('queue.ceilingExceeded') : t('moves.ceilingExceededMany')}
      submitLabel={t('moves.submit')}
      overrideLabel={t('moves.submitOverride')}
      failed={t('moves.failed')}
      onSubmit={async (request) => {
        await move.mutateAsync({ ...request, caseIds });
        onMoved(team.find((r) => r.staffId === request.staffId)?.name ?? '');
      }}
      onCancel={onCancel}
    />
  );
}
