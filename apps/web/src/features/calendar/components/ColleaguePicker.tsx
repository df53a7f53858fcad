import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface Colleague {
  staffId: string;
  name: string;
}

export type ColleagueState = 'ok' | 'notVisible' | 'failed';

/**
 * "Vis kollegers møder": one checkbox per colleague. The API has no list of a team's members yet, so
 * the colleagues offered are those the user shares meetings with (see the calendar page).
 */
export function ColleaguePicker({
  colleagues,
  chosen,
  states,
  onToggle,
}: {
  colleagues: readonly Colleague[];
  chosen: ReadonlySet<string>;
  states: ReadonlyMap<string, ColleagueState>;
  onToggle: (staffId: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  const helpId = useId();
  return (
    <fieldset className="colleague-picker" aria-describedby={helpId}>
      <legend>{t('calendar.colleaguesTitle')}</legend>
      <p id={helpId} className="colleague-picker__help">
        {colleagues.length === 0 ? t('calendar.colleaguesNone') : t('calendar.colleaguesHelp')}
      </p>
      <ul className="colleague-picker__list">
        {colleagues.map((colleague) => {
          const state = states.get(colleague.staffId) ?? 'ok';
          return (
            <li key={colleague.staffId}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(colleague.staffId)}
                  onChange={(event) => onToggle(colleague.staffId, event.target.checked)}
                />
                <span>{colleague.name}</span>
              </label>
              {state !== 'ok' && (
                <p role="alert" className="colleague-picker__problem">
                  {state === 'notVisible'
                    ? t('calendar.colleagueNotVisible', { name: colleague.name })
                    : t('calendar.colleagueFailed', { name: colleague.name })}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
