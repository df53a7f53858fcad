import ICAL from 'ical.js';

/**
 * RFC 5545 (iCalendar) and RFC 5546 (iTIP) rules checked on the raw text of an iCalendar object, as a strict
 * validator would: a parser accepting the file is not enough (ical.js and most clients accept a local DTSTAMP).
 * Answers the rules broken, each as one line; an empty list is a valid object.
 */
export interface IcsFacts {
  method: string;
  uid: string;
  sequence: number;
  tzid: string;
  /** DTSTART as an instant, resolved through the object's own VTIMEZONE. */
  start: Date;
  end: Date;
}

const UTC = /^\d{8}T\d{6}Z$/;
const LOCAL = /^\d{8}T\d{6}$/;

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** Unfolds (RFC 5545 3.1) and splits each content line into name, parameters and value. */
function contentLines(text: string): ContentLine[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => {
      // The value starts after the first colon outside a quoted parameter value.
      let quoted = false;
      let at = -1;
      for (let i = 0; i < line.length; i += 1) {
        if (line[i] === '"') quoted = !quoted;
        else if (line[i] === ':' && !quoted) {
          at = i;
          break;
        }
      }
      const head = at < 0 ? line : line.slice(0, at);
      const [name, ...rawParams] = head.split(';');
      const params = Object.fromEntries(
        rawParams.map((p) => {
          const eq = p.indexOf('=');
          return [p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"|"$/g, '')];
        }),
      );
      return { name: name.toUpperCase(), params, value: at < 0 ? '' : line.slice(at + 1) };
    });
}

/** The lines of each component by name (BEGIN…END), outermost first. */
function components(lines: ContentLine[]): { name: string; lines: ContentLine[]; parent: string | null }[] {
  const stack: { name: string; lines: ContentLine[]; parent: string | null }[] = [];
  const out: typeof stack = [];
  for (const l of lines) {
    if (l.name === 'BEGIN') {
      const c = { name: l.value.toUpperCase(), lines: [], parent: stack.at(-1)?.name ?? null };
      stack.push(c);
      out.push(c);
    } else if (l.name === 'END') {
      const c = stack.pop();
      if (!c || c.name !== l.value.toUpperCase()) throw new Error(`END:${l.value} does not close ${c?.name}`);
    } else {
      stack.at(-1)?.lines.push(l);
    }
  }
  if (stack.length) throw new Error(`${stack.map((c) => c.name).join(', ')} not closed`);
  return out;
}

export function checkIcs(text: string, expectedMethod: 'REQUEST' | 'CANCEL'): { broken: string[]; facts: IcsFacts } {
  const broken: string[] = [];
  // 3.1: every line ends with CRLF, and no line is longer than 75 octets (excluding the CRLF).
  if (!text.endsWith('\r\n')) broken.push('does not end with CRLF');
  if (/(^|[^\r])\n/.test(text) || /\r(?!\n)/.test(text)) broken.push('a line break that is not CRLF');
  text
    .split('\r\n')
    .forEach((l, i) => Buffer.byteLength(l, 'utf8') > 75 && broken.push(`line ${i + 1} longer than 75 octets`));

  const all = components(contentLines(text));
  const cal = all.filter((c) => c.name === 'VCALENDAR');
  if (cal.length !== 1 || all[0].name !== 'VCALENDAR') broken.push('not exactly one VCALENDAR around everything');
  const props = (c: { lines: ContentLine[] } | undefined, name: string) =>
    (c?.lines ?? []).filter((l) => l.name === name);
  const one = (c: { name: string; lines: ContentLine[] } | undefined, name: string) => {
    const found = props(c, name);
    if (found.length !== 1) broken.push(`${c?.name ?? '?'}: ${found.length} × ${name}, want exactly 1`);
    return found[0];
  };

  // 3.6: VERSION and PRODID once each; METHOD (RFC 5546) as the mail says.
  if (one(cal[0], 'VERSION')?.value !== '2.0') broken.push('VERSION is not 2.0');
  one(cal[0], 'PRODID');
  const method = one(cal[0], 'METHOD')?.value ?? '';
  if (method !== expectedMethod) broken.push(`METHOD ${method}, want ${expectedMethod}`);

  const events = all.filter((c) => c.name === 'VEVENT');
  if (events.length !== 1) broken.push(`${events.length} VEVENTs, want 1`);
  const ev = events[0];
  const uid = one(ev, 'UID')?.value ?? '';
  // 3.8.7.2: DTSTAMP (and CREATED, LAST-MODIFIED) in UTC.
  const stamp = one(ev, 'DTSTAMP');
  if (stamp && (!UTC.test(stamp.value) || stamp.params.TZID)) broken.push(`DTSTAMP ${stamp.value} not in UTC`);
  for (const name of ['CREATED', 'LAST-MODIFIED']) {
    for (const p of props(ev, name)) if (!UTC.test(p.value)) broken.push(`${name} ${p.value} not in UTC`);
  }
  const sequence = Number(one(ev, 'SEQUENCE')?.value);
  if (!Number.isInteger(sequence) || sequence < 0) broken.push('SEQUENCE not a non-negative integer');
  // RFC 5546 3.2.2 (REQUEST) and 3.2.5 (CANCEL): ORGANIZER and at least one ATTENDEE; SUMMARY on a request.
  one(ev, 'ORGANIZER');
  if (props(ev, 'ATTENDEE').length === 0) broken.push('no ATTENDEE');
  if (expectedMethod === 'REQUEST') one(ev, 'SUMMARY');
  if (expectedMethod === 'CANCEL' && one(ev, 'STATUS')?.value !== 'CANCELLED') {
    broken.push('CANCEL without STATUS:CANCELLED');
  }
  for (const p of [...props(ev, 'ORGANIZER'), ...props(ev, 'ATTENDEE')]) {
    if (!/^mailto:/i.test(p.value)) broken.push(`${p.name} ${p.value} is not a mailto: address`);
  }

  // 3.3.5 form 3: local times name a TZID that the object defines in a VTIMEZONE (3.6.5).
  const dtstart = one(ev, 'DTSTART');
  const dtend = one(ev, 'DTEND');
  const tzid = dtstart?.params.TZID ?? '';
  for (const p of [dtstart, dtend]) {
    if (!p) continue;
    if (!p.params.TZID || !LOCAL.test(p.value)) broken.push(`${p.name} ${p.value} is not a local time with TZID`);
    else if (p.params.TZID !== tzid) broken.push(`${p.name} has another TZID`);
  }
  const zones = all.filter((c) => c.name === 'VTIMEZONE');
  const zone = zones.find((z) => props(z, 'TZID')[0]?.value === tzid);
  if (!zone) broken.push(`no VTIMEZONE for TZID ${tzid}`);
  const rules = all.filter((c) => (c.name === 'STANDARD' || c.name === 'DAYLIGHT') && c.parent === 'VTIMEZONE');
  if (zone && rules.length === 0) broken.push('VTIMEZONE without STANDARD/DAYLIGHT');
  for (const r of rules) for (const name of ['DTSTART', 'TZOFFSETFROM', 'TZOFFSETTO']) one(r, name);

  // The times resolved through the object's own VTIMEZONE (ical.js), to compare with the meeting's.
  const parsed = ICAL.Component.fromString(text);
  const vtz = parsed.getAllSubcomponents('vtimezone').map((c) => new ICAL.Timezone(c));
  const event = parsed.getFirstSubcomponent('vevent')!;
  const time = (name: string) => {
    const t = (event.getFirstPropertyValue(name) as ICAL.Time).clone();
    const z = vtz.find((x) => x.tzid === tzid);
    if (z) t.zone = z;
    return t.toJSDate();
  };
  const start = time('dtstart');
  const end = time('dtend');
  if (!(end > start)) broken.push('DTEND not after DTSTART');
  return { broken, facts: { method, uid, sequence, tzid, start, end } };
}
