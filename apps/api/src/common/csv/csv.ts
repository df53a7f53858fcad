import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

export type CsvValue = string | number | null | undefined;

/** A CSV's columns in order: each one's (Danish) header and how it reads a row. */
export type CsvColumns<Row> = Record<string, (row: Row) => CsvValue>;

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is kept as text (OWASP CSV injection). */
export const neutralise = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function cell(value: CsvValue): string {
  if (typeof value === 'string') return neutralise(value);
  // Danish Excel reads a decimal comma; with a point, 2.5 would be text (or a date).
  return typeof value === 'number' ? String(value).replace('.', ',') : '';
}

/**
 * The one CSV writer: semicolon-separated with a UTF-8 BOM and CRLF, as Danish Excel opens it. Every text cell,
 * whatever column it is in, is neutralised; numbers stay numbers, with a decimal comma.
 */
export function toCsv<Row>(rows: readonly Row[], columns: CsvColumns<Row>): string {
  const read = Object.values(columns);
  return stringify(
    rows.map((row) => read.map((value) => cell(value(row)))),
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      header: true,
      columns: Object.keys(columns).map((header, i) => ({ key: String(i), header: neutralise(header) })),
    },
  );
}

/** A CSV answer: its text and the name the browser saves it under. */
export interface CsvFile {
  fileName: string;
  csv: string;
}

/** A file name of Danish words, dates and names (a team's): æ, ø, å spelled out, the rest plain ASCII, no quotes. */
export function csvFileName(...parts: string[]): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replaceAll('æ', 'ae')
      .replaceAll('ø', 'oe')
      .replaceAll('å', 'aa')
      // Other accents come off their letters (é → e) rather than splitting the word.
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${parts.map(slug).filter(Boolean).join('-')}.csv`;
}

/** A CSV answer named by `nameParts` (see csvFileName). */
export const csvFile = <Row>(nameParts: string[], rows: readonly Row[], columns: CsvColumns<Row>): CsvFile => ({
  fileName: csvFileName(...nameParts),
  csv: toCsv(rows, columns),
});

/** Sends a CSV as an attachment: the one way every CSV route answers. */
export function sendCsv(reply: FastifyReply, { fileName, csv }: CsvFile): string {
  void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`);
  return csv;
}
