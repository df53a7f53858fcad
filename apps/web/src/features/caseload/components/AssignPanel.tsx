import type { CaseloadRow, QueuedCase } from '@tvaers/contracts';
import { useTranslation } from 'react-i18next';
import { useAssignCase, useAssignmentSuggestions } from '../hooks/useCaseload';
import { AssignForm } from './AssignForm';

/**
 * Gives a queued case to someone: the suggestions (same discipline, knows the citizen, room) to choose
 * from; a choice past the ceiling is refused with who has room, and a manager may then override with a reason.
 */
export function AssignPanel({
  teamId,
  queued,
  team,
  onCancel,
  onAssigned,
}: {
  teamId: string;
  queued: QueuedCase;
  team: readonly CaseloadRow[];
  onCancel: () => void;
  onAssigned: (name: string) => void;
}) {
  const { t } = useTranslation();
  const suggestions = useAssignmentSuggestions(queued.caseId);
  const assign = useAssignCase(teamId);

  return (
    <AssignForm
      legend={t('queue.who', { name: queued.citizenName })}
      suggestions={suggestions}
      team={team}
      holderIds={[]}
      // A queued case has had nobody of a discipline yet: the unit opens it as an employment case.
      discipline={null}
      refusedText={t('queue.ceilingExceeded')}
      submitLabel={t('queue.assign')}
      overrideLabel={t('queue.assignOverride')}
      failed={t('queue.assignFailed')}
      onSubmit={async (request) => {
        await assign.mutateAsync({ caseId: queued.caseId, body: request });
        onAssigned(team.find((r) => r.staffId === request.staffId)?.name ?? '');
      }}
      onCancel={onCancel}
    />
  );
}
