import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** A plan part's title with its "Redigér" button, shown while the part is not being edited. */
export function PlanPartHeading({
  id,
  title,
  editing,
  editButton,
  onEdit,
}: {
  id: string;
  title: string;
  editing: boolean;
  editButton: Ref<HTMLButtonElement>;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="plan-part__heading">
      <h3 id={`${id}-title`}>{title}</h3>
      {!editing && (
        <button
          ref={editButton}
          type="button"
          className="button button--small"
          aria-describedby={`${id}-title`}
          onClick={onEdit}
        >
          {t('common.edit')}
        </button>
      )}
    </div>
  );
}
