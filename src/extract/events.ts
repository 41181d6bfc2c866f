/**
 * Events: the signing ceremony (签约仪式, 签约活动, 簽約典禮), the symposium (座谈会) and the visit
 * (来访, 率团, 一行). Who attended: the officials listed before 出席 or 参加, those who host
 * (由X主持, X主持座谈会), lead or receive a visit (X率代表团来访, Y会见X一行), sign or witness.
 * Hosts only where 主持 says so.
 */

import type { Agreement } from './agreements.ts';
import type { Span } from './article.ts';
import type { DateMention } from './dates.ts';
import type { People, Person } from './officials.ts';
import type { Sentence } from './sentences.ts';

export type EventKind = 'signing-ceremony' | 'symposium' | 'visit' | 'meeting' | 'conference';

export interface NewsEvent {
  name: string;
  kind: EventKind;
  date?: string;
  attendees: Person[];
  hosts: Person[];
  /** Where the text first names it. */
  span: Span;
  confidence: number;
  /** The place it was held, when the text says (在香港签署, 在青州市举行). */
  place?: string;
}

const NAMES: [EventKind, RegExp][] = [
  [
    'signing-ceremony',
    /(?:合作交流会暨)?(?:集中)?(?:签约|签字|签署)(?:揭牌)?(?:仪式|活动|典礼|大会)|(?:合作)?签约仪式/g,
  ],
  ['symposium', /座谈会|座谈交流|座谈/g],
  ['visit', /来访|到访|率团|率代表团|代表团/g],
];

/** Which event a word after 出席 or 主持 names. */
function kindNamed(words: string): EventKind | 'main' | undefined {
  if (/^(签约|签字|签署|仪式|典礼)/.test(words)) return 'signing-ceremony';
  if (/^(座谈)/.test(words)) return 'symposium';
  if (/^(活动|会议|大会)/.test(words)) return 'main';
  return undefined;
}

export function findEvents(
  text: string,
  view: string,
  sentences: Sentence[],
  people: People,
  agreements: Agreement[],
  dates: DateMention[],
): NewsEvent[] {
  const events: NewsEvent[] = [];
  const body = sentences.filter((s) => s.paragraph >= 0);
  const leadDate = dates.find((d) =>
    body.some((s) => s.span[0] <= d.span[0] && d.span[1] <= s.span[1]),
  );
  const dateAt = (at: number) => (dates.filter((d) => d.span[0] < at).at(-1) ?? leadDate)?.date;

  for (const sentence of body) {
    const part = view.slice(...sentence.span);
    for (const [kind, pattern] of NAMES) {
      for (const m of part.matchAll(pattern)) {
        if (events.some((e) => e.kind === kind)) continue;
        const at = sentence.span[0] + m.index;
        const span: Span = [at, at + m[0].length];
        const name = kind === 'visit' ? '来访' : text.slice(...span);
        // A signing ceremony is on the day of its signing, unless its own sentence dates it.
        const own = dates.find(
          (d) => d.span[0] >= sentence.span[0] && d.span[0] < at && d.span[1] <= sentence.span[1],
        );
        const signed = kind === 'signing-ceremony' ? agreements[0]?.signedOn : undefined;
        const date = own?.date ?? signed ?? dateAt(at);
        events.push({
          name,
          kind,
          ...(date ? { date } : {}),
          attendees: [],
          hosts: [],
          span,
          confidence: 0.85,
        });
      }
    }
  }
  if (agreements.length > 0 && !events.some((e) => e.kind === 'signing-ceremony')) {
    const first = agreements[0] as Agreement;
    events.push({
      name: '签约仪式',
      kind: 'signing-ceremony',
      ...(first.signedOn ? { date: first.signedOn } : {}),
      attendees: [],
      hosts: [],
      span: first.span,
      confidence: 0.6,
    });
  }
  const byKind = (kind: EventKind | 'main' | undefined): NewsEvent | undefined =>
    kind === 'main' || kind === undefined
      ? (events.find((e) => e.kind === 'signing-ceremony') ??
        events.find((e) => e.kind === 'visit') ??
        events[0])
      : (events.find((e) => e.kind === kind) ?? byKind('main'));
  const attend = (event: NewsEvent | undefined, person: Person) => {
    if (event && !event.attendees.includes(person)) event.attendees.push(person);
  };

  for (const sentence of body) {
    const [start, end] = sentence.span;
    const part = view.slice(start, end);
    // Attendance: the people named before 出席 or 参加.
    for (const m of part.matchAll(/(?:等)?(出席|参加|到场|出席了|参加了)/g)) {
      const at = start + m.index;
      const event = byKind(kindNamed(view.slice(at + m[0].length, at + m[0].length + 4)));
      for (const mention of people.mentionsIn([start, at])) attend(event, mention.person);
    }
    // 出席观礼的有A、B: the list after it.
    for (const m of part.matchAll(/(?:出席|参加)(观礼|仪式|活动)?的(?:有|包括|还有)/g)) {
      const after = start + m.index + m[0].length;
      const event = byKind(kindNamed(m[1] ?? ''));
      for (const mention of people.mentionsIn([after, end])) attend(event, mention.person);
    }
    // Hosts: 由X主持, X主持座谈会.
    for (const m of part.matchAll(/主持/g)) {
      const at = start + m.index;
      const clause = sentence.clauses.find(([s, e]) => s <= at && at < e) ?? sentence.span;
      const host = people.mentionsIn([clause[0], at]).at(-1);
      if (!host) continue;
      const named =
        kindNamed(view.slice(at + 2, at + 6)) ??
        kindNamed(view.slice(clause[0], at).replace(/^.*?(签约|签字|仪式|座谈|活动)/, '$1'));
      const event = byKind(named);
      if (event && !event.hosts.includes(host.person)) event.hosts.push(host.person);
      attend(event, host.person);
    }
    // X率龙湾区党政代表团来苍, 与我县签订…: whoever leads the delegation was there.
    if (!events.some((e) => e.kind === 'visit')) {
      for (const m of part.matchAll(/率\p{Script=Han}{0,10}?代表团/gu)) {
        const at = start + m.index;
        const clause = sentence.clauses.find(([s, e]) => s <= at && at < e) ?? sentence.span;
        const leader = people.mentionsIn([clause[0], at]).at(-1);
        if (leader) attend(byKind('main'), leader.person);
      }
    }
    // Visits: X率代表团来访, X一行, Y会见X一行.
    const visit = events.find((e) => e.kind === 'visit');
    if (visit) {
      for (const m of part.matchAll(/率(?:代表)?团|一行|会见|接见|来访/g)) {
        const at = start + m.index;
        const clause = sentence.clauses.find(([s, e]) => s <= at && at < e) ?? sentence.span;
        const before = people.mentionsIn([clause[0], at]);
        const last = before.at(-1);
        if (last) attend(visit, last.person);
        if (m[0] === '会见' || m[0] === '接见') {
          const guest = people.mentionsIn([at, clause[1]])[0];
          if (guest) attend(visit, guest.person);
        }
      }
    }
    // Places: 在香港签署, 在青州市举行.
    const place = /在(\p{Script=Han}{2,6}?(?:省|市|区|县)?)(举行|签署|签订|举办)/u.exec(part);
    if (place) {
      const event = byKind('main');
      const name = place[1] as string;
      if (
        event &&
        !event.place &&
        !/大学|学院|研究院|公司|集团|中心|会议|大厅|主楼|室|厅|馆|校/.test(name)
      ) {
        const at = start + place.index + 1;
        event.place = text.slice(at, at + name.length);
      }
    }
  }
  // Those who signed or witnessed were at the signing.
  const signing = events.find((e) => e.kind === 'signing-ceremony');
  for (const a of agreements) {
    for (const s of a.signatories) attend(signing, s.person);
    for (const w of a.witnesses) attend(signing, w);
  }
  return events.filter(
    (e) =>
      e.kind !== 'symposium' ||
      e.attendees.length > 0 ||
      e.hosts.length > 0 ||
      events.length === 1 ||
      /召开|举行/.test(view.slice(e.span[0] - 6, e.span[0])),
  );
}
