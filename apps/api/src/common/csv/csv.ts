import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

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
 * whatever column it is in, is neutralised; numbers stay numbers, with a decimal comma.
 */
export function toCsv<Row extends Record<string, CsvValue>>(columns: CsvColumn<Row>[], rows: readonly Row[]): string {
  return stringify(
    rows.map((row) =>
      Object.fromEntries(
        columns.map(({ key }) => {
          const value = row[key];
          if (typeof value === 'string') return [key, neutralise(value)];
          // Danish Excel reads a decimal comma; with a point, 2.5 would be text (or a date).
          return [key, typeof value === 'number' ? String(value).replace('.', ',') : ''];
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

/** Sends a CSV as an attachment: the one way every CSV route answers. */
export function sendCsv(reply: FastifyReply, { fileName, csv }: CsvFile): string {
  void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`);
  return csv;
}
