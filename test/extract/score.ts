/**
 * Scoring a draft against hand-labelled records: both are turned into facts (organisation,
 * person, role, agreement, party, signatory, attendee, date, and for information witness,
 * host, credit, region), named by what they are rather than by ids, and compared as sets.
 * An extracted organisation, person or region is the expected one when one of its names or
 * aliases is one of the expected one's (by src/names.ts: 北工大 is 北京工业大学 when the labels
 * give that alias); an agreement when its title and at least one party agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nameKey } from '../../src/names.ts';
import { outside } from '../support/prerequisites.ts';

export type Rec = Record<string, unknown> & { type: string; id?: string };

export const FACT_TYPES = [
  'organisation',
  'person',
  'role',
  'agreement',
  'party',
  'signatory',
  'attendee',
  'date',
] as const;
export const EXTRA_TYPES = ['witness', 'host', 'credit', 'region'] as const;
export type FactType = (typeof FACT_TYPES)[number] | (typeof EXTRA_TYPES)[number];

export type Facts = Record<FactType, Set<string>>;

export interface Case {
  name: string;
  text: string;
  publishedOn?: string;
  expected: Rec[];
}

export const readNdjson = (path: string): Rec[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Rec);

/** The labelled articles of a folder of test/extract (tune or eval). */
export function loadCases(folder: string): Case[] {
  const dir = new URL(`./${folder}/`, import.meta.url).pathname;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const expected = readNdjson(join(dir, f.replace(/\.txt$/, '.expected.ndjson')));
      const source = expected.find((r) => r.type === 'source');
      return {
        name: `${folder}/${f.replace(/\.txt$/, '')}`,
        text: readFileSync(join(dir, f), 'utf8'),
        ...(source?.publishedOn ? { publishedOn: source.publishedOn as string } : {}),
        expected,
      };
    });
}

/**
 * The seed article, outside the repository (never copied): ACCORD_SEED_ARTICLE names it, and
 * the tests that read it are skipped when that is unset.
 */
export const SEED_ARTICLE = outside('ACCORD_SEED_ARTICLE');
/** The seed article with the hand-written seed data as its expected records. */
export function seedCase(): Case {
  if (!SEED_ARTICLE) throw new Error('ACCORD_SEED_ARTICLE is unset');
  return {
    name: 'seed',
    text: readFileSync(SEED_ARTICLE, 'utf8'),
    publishedOn: '2023-12-22',
    expected: readNdjson(
      new URL('../../data/seed/bjut-2023-12-22.ndjson', import.meta.url).pathname,
    ),
  };
}

const refId = (ref: unknown): string | undefined =>
  typeof ref === 'string' ? ref : ((ref as { id?: string })?.id ?? undefined);

const namesOf = (r: Rec) =>
  [r.name, r.nameEn, ...((r.aliases as string[]) ?? [])]
    .filter((n): n is string => typeof n === 'string')
    .map(nameKey);

/** Names entities of `records` by the expected entity they are, or by their own name. */
function namer(records: Rec[], expected: Rec[]) {
  const byId = new Map(records.filter((r) => r.id).map((r) => [r.id as string, r]));
  const canonical = (r: Rec | undefined): string => {
    if (!r) return '?';
    const keys = namesOf(r);
    const same = expected.find(
      (e) => e.type === r.type && namesOf(e).some((k) => keys.includes(k)),
    );
    return same ? `${r.type}:${same.id}` : `${r.type}:new:${keys[0]}`;
  };
  return (ref: unknown) => {
    if (ref && typeof ref === 'object' && 'name' in (ref as object)) {
      const name = nameKey((ref as { name: string }).name);
      const same = [...byId.values()].find((r) => namesOf(r).includes(name));
      return canonical(same ?? ({ type: 'organisation', name } as Rec));
    }
    return canonical(byId.get(refId(ref) as string));
  };
}

/** The facts a set of records states. */
export function factsOf(records: Rec[], expected: Rec[]): Facts {
  const name = namer(records, expected);
  const facts = Object.fromEntries(
    [...FACT_TYPES, ...EXTRA_TYPES].map((t) => [t, new Set<string>()]),
  ) as Facts;
  const expectedAgreements = expected.filter((r) => r.type === 'agreement');
  const expectedName = namer(expected, expected);
  const agreementKey = (a: Rec) => {
    const parties = ((a.parties as unknown[]) ?? []).map(name);
    const same = expectedAgreements.find(
      (e) =>
        nameKey(e.name as string) === nameKey(a.name as string) &&
        ((e.parties as unknown[]) ?? []).map(expectedName).some((p) => parties.includes(p)),
    );
    return same ? `agreement:${same.id}` : `agreement:new:${nameKey(a.name as string)}`;
  };
  for (const r of records) {
    switch (r.type) {
      case 'organisation':
        facts.organisation.add(name(r.id ?? { name: r.name }));
        break;
      case 'person':
        facts.person.add(name(r.id ?? { name: r.name }));
        break;
      case 'region':
        facts.region.add(name(r.id ?? { name: r.name }));
        break;
      case 'role':
        facts.role.add(`${name(r.person)}|${name(r.organisation)}|${nameKey(r.title as string)}`);
        break;
      case 'event':
        for (const p of (r.attendees as unknown[]) ?? []) facts.attendee.add(name(p));
        for (const p of (r.hosts as unknown[]) ?? []) facts.host.add(name(p));
        if (r.date) facts.date.add(`event@${r.date}`);
        break;
      case 'agreement': {
        const key = agreementKey(r);
        facts.agreement.add(key);
        for (const p of (r.parties as unknown[]) ?? []) facts.party.add(`${key}|${name(p)}`);
        for (const s of (r.signatories as { person: unknown; onBehalfOf: unknown }[]) ?? [])
          facts.signatory.add(`${key}|${name(s.person)}|${name(s.onBehalfOf)}`);
        for (const w of (r.witnesses as unknown[]) ?? []) facts.witness.add(`${key}|${name(w)}`);
        if (r.signedOn) facts.date.add(`${key}@${r.signedOn}`);
        break;
      }
      case 'source':
        for (const c of (r.credits as { person: unknown; role: string }[]) ?? [])
          facts.credit.add(`${name(c.person)}|${c.role}`);
        break;
    }
  }
  return facts;
}

export interface Score {
  expected: number;
  extracted: number;
  correct: number;
  missed: string[];
  invented: string[];
}

export function score(extracted: Rec[], expected: Rec[]): Record<FactType, Score> {
  const want = factsOf(expected, expected);
  const got = factsOf(extracted, expected);
  const out = {} as Record<FactType, Score>;
  for (const type of [...FACT_TYPES, ...EXTRA_TYPES]) {
    const w = want[type];
    const g = got[type];
    out[type] = {
      expected: w.size,
      extracted: g.size,
      correct: [...g].filter((f) => w.has(f)).length,
      missed: [...w].filter((f) => !g.has(f)),
      invented: [...g].filter((f) => !w.has(f)),
    };
  }
  return out;
}

/** Adds up scores over articles (micro-average). */
export function total(scores: Record<FactType, Score>[]): Record<FactType, Score> {
  const out = {} as Record<FactType, Score>;
  for (const type of [...FACT_TYPES, ...EXTRA_TYPES]) {
    out[type] = { expected: 0, extracted: 0, correct: 0, missed: [], invented: [] };
    for (const s of scores) {
      const t = s[type];
      out[type].expected += t.expected;
      out[type].extracted += t.extracted;
      out[type].correct += t.correct;
      out[type].missed.push(...t.missed);
      out[type].invented.push(...t.invented);
    }
  }
  return out;
}

export const precision = (s: Score) => (s.extracted === 0 ? 1 : s.correct / s.extracted);
export const recall = (s: Score) => (s.expected === 0 ? 1 : s.correct / s.expected);

/** A table of precision and recall per fact type. */
export function table(scores: Record<FactType, Score>, extra = true): string {
  const rows = [`${'fact'.padEnd(13)} expected  found  correct  precision  recall`];
  for (const type of [...FACT_TYPES, ...(extra ? EXTRA_TYPES : [])]) {
    const s = scores[type];
    // A fact type the labels do not cover (regions in the evaluation half) has no figures.
    if ((EXTRA_TYPES as readonly string[]).includes(type) && s.expected === 0) continue;
    rows.push(
      `${(EXTRA_TYPES as readonly string[]).includes(type) ? `(${type})` : type}`.padEnd(13) +
        `${String(s.expected).padStart(8)}  ${String(s.extracted).padStart(5)}  ${String(s.correct).padStart(7)}  ${precision(s).toFixed(2).padStart(9)}  ${recall(s).toFixed(2).padStart(6)}`,
    );
  }
  return rows.join('\n');
}
