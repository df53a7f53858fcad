import type { ReactNode } from 'react';
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

/** A report's card: its table heading (named by `id`) with the CSV link, then what the report shows. */
export function ReportSection({
  id,
  title,
  csv,
  csvTestId,
  className = 'card report-section',
  children,
}: {
  id: string;
  title: string;
  csv: string;
  csvTestId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={id}>
      <TableHeading id={id} title={title} csv={csv} testId={csvTestId} />
      {children}
    </section>
  );
}
