/**
 * Scoring a draft against hand-labelled records: both are turned into facts (organisation,
 * person, role, agreement, party, signatory, witness, attendee, date, and for information
 * host, credit, region), named by what they are rather than by ids, and compared as sets.
 * An extracted organisation, person or region is the expected one when one of its names or
 * aliases is one of the expected one's (by src/names.ts: 北工大 is 北京工业大学 when the labels
 * give that alias); an agreement when one of its titles and at least one party agree.
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
  'witness',
  'attendee',
  'date',
] as const;
export const EXTRA_TYPES = ['host', 'credit', 'region'] as const;
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
 * The corpus of real news (the folder ACCORD_CORPUS names): each article that
 * has labels in test/extract/corpus/. The tuning half is the odd numbers, the evaluation half
 * the even ones (its labels are written by someone who does not tune the rules). The texts are
 * read from the corpus, never copied: a four-line header (url, title, published, language),
 * then the article; a `published` date of a year and month is passed on as such.
 */
export const CORPUS = outside('ACCORD_CORPUS');
export type Half = 'tuning' | 'evaluation';
export function corpusCases(half: Half): Case[] {
  if (!CORPUS) return [];
  const labels = new URL('./corpus/', import.meta.url).pathname;
  return readdirSync(labels)
    .filter((f) => f.endsWith('.expected.ndjson'))
    .map((f) => f.replace(/\.expected\.ndjson$/, ''))
    .filter((stem) => Number(/(\d+)$/.exec(stem)?.[1]) % 2 === (half === 'tuning' ? 1 : 0))
    .sort()
    .map((stem) => {
      const [head = '', ...rest] = readFileSync(join(CORPUS, `${stem}.txt`), 'utf8').split(
        /\r?\n\r?\n/,
      );
      const header = Object.fromEntries(
        head
          .split(/\r?\n/)
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
      );
      const published = /^\d{4}-\d{2}(-\d{2})?$/.test(header.published ?? '')
        ? header.published
        : undefined;
      return {
        name: `corpus/${stem}`,
        text: rest.join('\n\n'),
        ...(published ? { publishedOn: published } : {}),
        expected: readNdjson(join(labels, `${stem}.expected.ndjson`)),
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
  const titles = (a: Rec) =>
    [a.name, ...((a.aliases as string[]) ?? [])].map((t) => nameKey(t as string));
  const agreementKey = (a: Rec) => {
    const parties = ((a.parties as unknown[]) ?? []).map(name);
    const own = titles(a);
    const same = expectedAgreements.find(
      (e) =>
        titles(e).some((t) => own.includes(t)) &&
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

/**
 * Roles drafted at a body the text does not tie the person to: an extracted role of a labelled
 * person at an organisation where the labels give that person no role.
 */
export function rolesOffBody(extracted: Rec[], expected: Rec[]): string[] {
  const want = factsOf(expected, expected).role;
  const got = factsOf(extracted, expected).role;
  const bodies = new Set([...want].map((f) => f.split('|').slice(0, 2).join('|')));
  return [...got].filter((f) => {
    const [person, org] = f.split('|');
    return !person?.includes(':new:') && !bodies.has(`${person}|${org}`);
  });
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

/** All fact types of FACT_TYPES added up: the "over all facts" figure. */
export function overall(scores: Record<FactType, Score>): Score {
  const out: Score = { expected: 0, extracted: 0, correct: 0, missed: [], invented: [] };
  for (const type of FACT_TYPES) {
    out.expected += scores[type].expected;
    out.extracted += scores[type].extracted;
    out.correct += scores[type].correct;
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

export interface SetScore {
  articles: number;
  scores: Record<FactType, Score>;
  all: Score;
  /** Signatories the labels do not give: a person drafted as signing, or for the wrong side. */
  inventedSignatories: string[];
  rolesOffBody: string[];
  /** Per article, what was missed and invented (for --verbose). */
  misses: string[];
}

/** Drafts every article of a set (without a graph) and adds up the scores. */
export async function evaluate(cases: Case[]): Promise<SetScore> {
  const { extractDraft } = await import('../../src/extract/extract.ts');
  const scores = [];
  const off: string[] = [];
  const misses: string[] = [];
  for (const c of cases) {
    const draft = await extractDraft(c.text, c.publishedOn ? { publishedOn: c.publishedOn } : {});
    const records = draft.records.map((r) => r.record as Rec);
    const s = score(records, c.expected);
    scores.push(s);
    off.push(...rolesOffBody(records, c.expected).map((f) => `${c.name}: ${f}`));
    for (const [type, t] of Object.entries(s)) {
      for (const m of t.missed) misses.push(`${c.name}: missed ${type} ${m}`);
      for (const m of t.invented) misses.push(`${c.name}: invented ${type} ${m}`);
    }
  }
  const sum = total(scores);
  return {
    articles: cases.length,
    scores: sum,
    all: overall(sum),
    inventedSignatories: sum.signatory.invented,
    rolesOffBody: off,
    misses,
  };
}

/** Precision and recall per fact type of several sets, side by side. */
export function sideBySide(sets: [string, SetScore][]): string {
  const cell = (s: Score) =>
    s.expected + s.extracted === 0
      ? '—'.padStart(11)
      : `${precision(s).toFixed(2)} / ${recall(s).toFixed(2)}`.padStart(11);
  const head = `${'P / R'.padEnd(13)}${sets.map(([n, s]) => `${n} (${s.articles})`.padStart(24)).join('')}`;
  const rows = [head];
  for (const type of [...FACT_TYPES, ...EXTRA_TYPES]) {
    rows.push(type.padEnd(13) + sets.map(([, s]) => cell(s.scores[type]).padStart(24)).join(''));
  }
  rows.push('all facts'.padEnd(13) + sets.map(([, s]) => cell(s.all).padStart(24)).join(''));
  rows.push(
    'inv. signat.'.padEnd(13) +
      sets.map(([, s]) => String(s.inventedSignatories.length).padStart(24)).join(''),
  );
  rows.push(
    'role off body'.padEnd(13) +
      sets.map(([, s]) => String(s.rolesOffBody.length).padStart(24)).join(''),
  );
  return rows.join('\n');
}

/**
 * The README's "How well" table: precision / recall per fact type of several sets side by
 * side, with the invented signatories and the roles off their body, ready to paste.
 */
export function markdownTable(sets: [string, SetScore][]): string {
  const cell = (s: Score) =>
    s.expected + s.extracted === 0 ? '—' : `${precision(s).toFixed(2)} / ${recall(s).toFixed(2)}`;
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(['fact', ...sets.map(([n, s]) => `${n} (${s.articles})`)]),
    row(['---', ...sets.map(() => '---')]),
    ...FACT_TYPES.map((type) => row([type, ...sets.map(([, s]) => cell(s.scores[type]))])),
    row(['all facts', ...sets.map(([, s]) => cell(s.all))]),
    row(['invented signatories', ...sets.map(([, s]) => String(s.inventedSignatories.length))]),
    row([
      'roles at a body the text does not tie them to',
      ...sets.map(([, s]) => String(s.rolesOffBody.length)),
    ]),
  ].join('\n');
}
