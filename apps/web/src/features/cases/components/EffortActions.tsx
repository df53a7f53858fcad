import type { Effort, EffortStatus, UpdateEffort } from '@tvaers/contracts';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/lib/errors';
import { ErrorAlert } from '../../../shared/ui/StatusMessage';

/** Statuses chosen from the list; "stopped" has its own action because it needs a reason. */
const selectableStatuses = ['planned', 'active', 'completed'] as const satisfies readonly EffortStatus[];

function isSelectable(value: string): value is (typeof selectableStatuses)[number] {
  return (selectableStatuses as readonly string[]).includes(value);
}

/**
 * Change an effort's status, or stop it with a written reason. Every effort has the same controls:
 * each is described by its effort's title (`titleId`) so a screen reader says which one it is.
 */
export function EffortActions({
  effort,
  titleId,
  onChange,
}: {
  effort: Effort;
  titleId: string;
  onChange: (input: UpdateEffort) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  // A chosen status not yet saved; otherwise the select follows the plan (also after live updates).
  const [chosen, setChosen] = useState<EffortStatus | null>(null);
  const status = chosen ?? effort.status;
  const [stopping, setStopping] = useState(false);
  const [stopReason, setStopReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(input: UpdateEffort): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await onChange(input);
      return true;
    } catch (failure) {
      setError(describeError(failure, t, t('efforts.changeFailed')));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function saveStatus(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status === effort.status) return;
    if (await run({ status })) setChosen(null);
  }

  async function stop(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (stopReason.trim().length < 3) {
      setError(t('efforts.stopReasonTooShort'));
      return;
    }
    if (await run({ status: 'stopped', stopReason: stopReason.trim() })) setStopping(false);
  }

  return (
    <div className="effort__actions">
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {!stopping && (
        <div className="button-row">
          <form className="inline-controls" onSubmit={(event) => void saveStatus(event)} aria-busy={busy}>
            <label htmlFor={`${id}-status`}>{t('efforts.status')}</label>
            <select
              id={`${id}-status`}
              aria-describedby={titleId}
              value={status}
              onChange={(event) => {
                if (isSelectable(event.target.value)) setChosen(event.target.value);
              }}
            >
              {selectableStatuses.map((value) => (
                <option key={value} value={value}>
                  {t(`effortStatuses.${value}`)}
                </option>
              ))}
            </select>
            <button
              type="submit"
              className="button button--small"
              disabled={busy || status === effort.status}
              aria-describedby={titleId}
            >
              {t('efforts.saveStatus')}
            </button>
          </form>
          <button
            type="button"
            className="button button--small button--danger"
            aria-describedby={titleId}
            onClick={() => setStopping(true)}
          >
            {t('efforts.stop')}
          </button>
        </div>
      )}
      {stopping && (
        <form className="form form--tight" onSubmit={(event) => void stop(event)} aria-busy={busy}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('efforts.stopReasonLabel')}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              autoFocus
              required
              minLength={3}
              maxLength={1000}
              aria-describedby={titleId}
              value={stopReason}
              onChange={(event) => setStopReason(event.target.value)}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--danger-solid button--small" disabled={busy}>
              {t('efforts.stopConfirm')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setStopping(false);
                setError(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
