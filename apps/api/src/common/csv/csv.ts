import { stringify } from 'csv-stringify/sync';

/** A column of a CSV: the row field it reads and its (Danish) header. */
export interface CsvColumn<Row> {
  key: keyof Row & string;
  header: string;
}

export type CsvValue = string | number | null | undefined;

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text (OWASP CSV injection). */
export const neutralise = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * The one CSV writer: semicolon-separated with a UTF-8 BOM and CRLF, as Danish Excel opens it. Every text cell,
 * whatever column it is in, is neutralised; numbers stay numbers.
 */
export function toCsv<Row extends Record<string, CsvValue>>(columns: CsvColumn<Row>[], rows: readonly Row[]): string {
  return stringify(
    rows.map((row) =>
      Object.fromEntries(
        columns.map(({ key }) => {
          const value = row[key];
          return [key, typeof value === 'string' ? neutralise(value) : (value ?? '')];
        }),
      ),
    ),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      header: true,
      columns: columns.map(({ key, header }) => ({ key, header: neutralise(header) })),
    },
  );
}
