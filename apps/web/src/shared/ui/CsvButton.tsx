import { useTranslation } from 'react-i18next';
import { downloadCsv, type toCsv } from '../lib/csv';

/** "Hent som CSV" for a table on the page: the header row and the rows as shown. */
export function CsvButton({
  fileName,
  rows,
  tableName,
  testId,
}: {
  fileName: string;
  rows: () => Parameters<typeof toCsv>[0];
  /** Names the table in the button's accessible name, as a page may have several. */
  tableName: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button button--small"
      data-testid={testId}
      aria-label={t('common.csvFor', { table: tableName })}
      onClick={() => downloadCsv(fileName, rows())}
    >
      {t('common.csv')}
    </button>
  );
}
