import { useTranslation } from 'react-i18next';

/** "Hent som CSV" for a table on the page: a link to the file the API makes (see api/csv-url.ts). */
export function CsvLink({
  href,
  tableName,
  testId,
}: {
  href: string;
  /** Names the table in the link's accessible name, as a page may have several. */
  tableName: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <a
      href={href}
      download
      className="button button--small"
      data-testid={testId}
      aria-label={t('common.csvFor', { table: tableName })}
    >
      {t('common.csv')}
    </a>
  );
}
