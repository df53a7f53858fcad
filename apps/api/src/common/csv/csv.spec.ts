import { csvFileName, neutralise, toCsv } from './csv';

describe('the CSV writer', () => {
  const columns = { Navn: (r: Row) => r.name, Antal: (r: Row) => r.count };
  interface Row {
    name: string;
    count: number;
  }

  it.each(['=HYPERLINK("http://evil.example","klik")', '+1', '-1', '@x', '\tfane', '\rretur'])(
    'keeps %j as text, never a formula',
    (name) => {
      const csv = toCsv([{ name, count: 1 }], columns);
      const [, row] = csv.replace('\uFEFF', '').split('\r\n');
      expect(row.replace(/^"|"$/g, '').replaceAll('""', '"').startsWith(`'${name}`)).toBe(true);
    },
  );

  it('leaves ordinary text and numbers, negative ones too, as they are', () => {
    const csv = toCsv(
      [
        { name: 'Anne Hansen', count: -2 },
        { name: 'Bo; "Bent"', count: 0.25 },
        { name: null as unknown as string, count: undefined as unknown as number },
      ],
      columns,
    );
    expect(csv).toBe('\uFEFFNavn;Antal\r\nAnne Hansen;-2\r\n"Bo; ""Bent""";0,25\r\n;\r\n');
  });

  it('neutralises only a leading formula character', () => {
    expect(neutralise('a=b')).toBe('a=b');
    expect(neutralise('=b')).toBe("'=b");
  });

  it('names files in plain ASCII: Danish letters spelled out, quotes and other marks dropped', () => {
    expect(csvFileName('belastning', 'Jobcenter Øst "Ærø" / Å')).toBe('belastning-jobcenter-oest-aeroe-aa.csv');
    expect(csvFileName('visitering', '日本')).toBe('visitering.csv');
    expect(csvFileName('belastning', 'Caféen Sønderå')).toBe('belastning-cafeen-soenderaa.csv');
    expect(csvFileName('progression', '2026-01-01', '2026-06-30')).toBe('progression-2026-01-01-2026-06-30.csv');
  });
});
