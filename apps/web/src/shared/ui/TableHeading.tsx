import { CsvLink } from './CsvLink';

/**
 * A report table's heading with its "Hent som CSV" beside it (the caseload and outcome pages): the link is named
 * by the heading, as a page has several.
 */
export function TableHeading({
  id,
  title,
  csv,
  level = 2,
  testId,
}: {
  id: string;
  title: string;
  /** The file the API makes of the same table. */
  csv: string;
  level?: 2 | 3;
  /** The CSV link's test id. */
  testId?: string;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="report-section__head">
      <Heading id={id}>{title}</Heading>
      <CsvLink href={csv} tableName={title} testId={testId} />
    </div>
  );
}
