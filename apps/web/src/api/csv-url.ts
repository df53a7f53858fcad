import type { paths } from './schema';

type CsvPath = Extract<keyof paths, `${string}.csv`>;
type CsvQuery<P extends CsvPath> = NonNullable<paths[P]['get']['parameters']['query']>;

/**
 * Where the browser downloads a CSV. The API makes every CSV (one writer: formula cells kept as text, the download
 * audited as the table's JSON route); the answer is an attachment, so following the link saves the file.
 */
export function csvUrl<P extends CsvPath>(path: P, query: CsvQuery<P>): string {
  const params = Object.entries(query as Record<string, string | undefined>).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return `${path}?${new URLSearchParams(params).toString()}`;
}
