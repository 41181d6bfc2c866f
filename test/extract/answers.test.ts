/**
 * What a draft of a real article answers once imported: per article of the corpus, "who signed
 * what with whom, for whom, when", asked of the GraphQL API over the labels and over the draft
 * (each alone in an empty database) and compared by names, since the two give different ids.
 * An article is exact when the answers agree, false when the draft states something the labels
 * contradict (a party that is not one, a signatory who did not sign or signed for the other
 * side, another date, an agreement the article does not report), partial otherwise.
 *
 * The rules do not meet the issue's target yet, so the test is a ratchet: the articles answered
 * exactly may not fall below, and the false answers may not rise above, the figures in
 * corpus/answers.baseline.json. After a change that gains ground, record the new figures with
 * ACCORD_UPDATE_BASELINE=1; the target itself (every article exact, nothing false) is asserted
 * only with ACCORD_ANSWERS_STRICT=1. Without ACCORD_CORPUS the tests are skipped with a notice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/driver.ts';
import { extractDraft } from '../../src/extract/extract.ts';
import { runImport } from '../../src/import/pipeline.ts';
import { memoryInput } from '../../src/import/records.ts';
import { nameKey } from '../../src/names.ts';
import { apiClient } from '../support/api.ts';
import { freshDatabase, resetGraph } from '../support/db.ts';
import { type Case, CORPUS, corpusCases, type Half } from './score.ts';

if (!CORPUS) {
  console.log(
    'ACCORD_CORPUS is not set: the answers tests are skipped (set it to the corpus folder).',
  );
}

const BASELINE = new URL('./corpus/answers.baseline.json', import.meta.url).pathname;
type Baseline = Record<Half, { articles: number; exact: number; false: number }>;

interface Named {
  name: string;
  nameEn: string | null;
  aliases: string[];
}
interface Signing {
  titles: Set<string>;
  kind: string | null;
  signedOn: string | null;
  parties: Set<string>[];
  signatories: { person: Set<string>; side: Set<string> | null }[];
}

const keys = (n: Named) =>
  new Set([n.name, n.nameEn, ...n.aliases].filter((s): s is string => !!s).map(nameKey));
/** Two entities are one when they share a name or alias (ids differ between labels and draft). */
const same = (a: Set<string> | null, b: Set<string> | null) =>
  !!a && !!b && [...a].some((k) => b.has(k));
const show = (s: Set<string> | null) => (s ? ([...s][0] ?? '?') : '—');

const SIGNINGS = `{
  agreements(first: 100) { nodes {
    name nameEn aliases kind signedOn
    parties { organisation { name nameEn aliases } }
    signatories { person { name nameEn aliases } onBehalfOf { name nameEn aliases } }
  } }
}`;

/** Every signing the graph holds, as the API answers it. */
async function signings(db: Database): Promise<Signing[]> {
  const result = await apiClient(db)<{
    agreements: {
      nodes: (Named & {
        kind: string | null;
        signedOn: string | null;
        parties: { organisation: Named }[];
        signatories: { person: Named; onBehalfOf: Named | null }[];
      })[];
    };
  }>(SIGNINGS);
  expect(result.errors).toBeUndefined();
  return (result.data?.agreements.nodes ?? []).map((a) => ({
    titles: keys(a),
    kind: a.kind,
    signedOn: a.signedOn,
    parties: a.parties.map((p) => keys(p.organisation)),
    signatories: a.signatories.map((s) => ({
      person: keys(s.person),
      side: s.onBehalfOf ? keys(s.onBehalfOf) : null,
    })),
  }));
}

/** Imports records into the emptied graph and reads back its signings, or why it could not. */
async function answer(db: Database, records: unknown[]): Promise<Signing[] | string> {
  await resetGraph(db);
  const summary = await runImport(db, [memoryInput('answers', records)]);
  if (summary.errors.length)
    return summary.errors.map((e) => `line ${e.line} ${e.field ?? ''}: ${e.message}`).join('; ');
  return signings(db);
}

/**
 * The labels without what the question does not ask and the import does not take: an act
 * whose target is a region (the scorer ignores acts too).
 */
const withoutActs = (records: Record<string, unknown>[]) =>
  records.map((r) =>
    r.type === 'event' ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'acts')) : r,
  );

interface Verdict {
  verdict: 'exact' | 'partial' | 'false';
  /** What the draft states that the labels contradict. */
  falseAnswers: string[];
  /** What the labels state that the draft does not. */
  missing: string[];
}

/** Compares the draft's signings with the labels' by names. */
function compare(labels: Signing[], draft: Signing[]): Verdict {
  const falseAnswers: string[] = [];
  const missing: string[] = [];
  const used = new Set<Signing>();
  const shared = (a: Signing, b: Signing) =>
    a.parties.filter((p) => b.parties.some((q) => same(p, q))).length;
  /** Of the labels' agreements left that `ok` allows, the one with the most parties in common. */
  const best = (d: Signing, ok: (l: Signing) => boolean) =>
    labels
      .filter((l) => !used.has(l) && ok(l) && shared(l, d) > 0)
      .reduce<Signing | undefined>(
        (x, l) => (x && shared(x, d) >= shared(l, d) ? x : l),
        undefined,
      );
  for (const d of draft) {
    // The labels' agreement of the same title with a party in common (the most, when several
    // agreements share one party: MoUs of one body with several units); else one of the same parties.
    const l = best(d, (l) => same(l.titles, d.titles)) ?? best(d, () => true);
    const what = show(d.titles);
    if (!l) {
      falseAnswers.push(`agreement ${what}: not one the article reports`);
      continue;
    }
    used.add(l);
    if (d.kind !== l.kind) missing.push(`${what}: kind ${d.kind ?? '—'}, not ${l.kind ?? '—'}`);
    if (d.signedOn && d.signedOn !== l.signedOn)
      falseAnswers.push(
        `${what}: signed on ${d.signedOn}, not ${l.signedOn ?? '(no date stated)'}`,
      );
    else if (!d.signedOn && l.signedOn) missing.push(`${what}: date ${l.signedOn}`);
    for (const p of d.parties)
      if (!l.parties.some((q) => same(p, q))) falseAnswers.push(`${what}: party ${show(p)}`);
    for (const p of l.parties)
      if (!d.parties.some((q) => same(p, q))) missing.push(`${what}: party ${show(p)}`);
    for (const s of d.signatories) {
      const t = l.signatories.find((t) => same(s.person, t.person));
      if (!t) falseAnswers.push(`${what}: ${show(s.person)} did not sign`);
      else if (!same(s.side, t.side))
        falseAnswers.push(
          `${what}: ${show(s.person)} signed for ${show(t.side)}, not ${show(s.side)}`,
        );
    }
    for (const t of l.signatories)
      if (!d.signatories.some((s) => same(s.person, t.person)))
        missing.push(`${what}: signatory ${show(t.person)} for ${show(t.side)}`);
  }
  for (const l of labels) if (!used.has(l)) missing.push(`agreement ${show(l.titles)}`);
  return {
    verdict: falseAnswers.length ? 'false' : missing.length ? 'partial' : 'exact',
    falseAnswers,
    missing,
  };
}

interface HalfAnswers {
  articles: number;
  exact: number;
  false: number;
  lines: string[];
}

describe.skipIf(!CORPUS)(
  'the corpus drafts, imported, answer who signed what as the labels do',
  () => {
    let db: Database;
    const runs = new Map<Half, Promise<HalfAnswers>>();
    beforeAll(async () => {
      db = await freshDatabase();
    });
    afterAll(async () => {
      await resetGraph(db);
      await db.close();
    });

    /** Each article's labels, then its draft, alone in the graph (once per half per run). */
    const run = (half: Half) => {
      const cached = runs.get(half);
      if (cached) return cached;
      const promise = (async () => {
        const cases: Case[] = corpusCases(half);
        const out: HalfAnswers = { articles: cases.length, exact: 0, false: 0, lines: [] };
        for (const c of cases) {
          const labels = await answer(db, withoutActs(c.expected));
          if (typeof labels === 'string')
            throw new Error(`${c.name}: the labels do not import: ${labels}`);
          const draft = await extractDraft(
            c.text,
            c.publishedOn ? { publishedOn: c.publishedOn } : {},
          );
          const drafted = await answer(
            db,
            draft.records.map((r) => r.record),
          );
          // A draft that does not import answers nothing: it is not exact, and states nothing false.
          const v =
            typeof drafted === 'string'
              ? {
                  verdict: 'partial' as const,
                  falseAnswers: [],
                  missing: [`draft does not import: ${drafted}`],
                }
              : compare(labels, drafted);
          if (v.verdict === 'exact') out.exact++;
          out.false += v.falseAnswers.length;
          // The evaluation half is scored, never studied: only its verdicts and counts are shown.
          const detail =
            half === 'tuning' ? [...v.falseAnswers.map((f) => `false: ${f}`), ...v.missing] : [];
          out.lines.push(
            `${c.name}: ${v.verdict} (${labels.length} agreements labelled, ${typeof drafted === 'string' ? 'no' : drafted.length} drafted, ${v.falseAnswers.length} false, ${v.missing.length} missing)${detail.map((d) => `\n    ${d}`).join('')}`,
          );
        }
        await resetGraph(db);
        return out;
      })();
      runs.set(half, promise);
      return promise;
    };

    const baseline = (): Baseline => JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;

    for (const half of ['evaluation', 'tuning'] as const) {
      it(`${half} half: no fewer articles answered exactly, no more false answers than the baseline`, {
        timeout: 900_000,
      }, async () => {
        const got = await run(half);
        console.log(
          `answers, ${half} half: ${got.exact} of ${got.articles} exact, ${got.false} false answers\n  ${got.lines.join('\n  ')}`,
        );
        expect(got.articles).toBe(16);
        const figures = { articles: got.articles, exact: got.exact, false: got.false };
        if (process.env.ACCORD_UPDATE_BASELINE === '1') {
          writeFileSync(
            BASELINE,
            `${JSON.stringify({ ...baseline(), [half]: figures }, null, 2)}\n`,
          );
          return;
        }
        const was = baseline()[half];
        const hint = `(${half} was ${was.exact} exact, ${was.false} false; after a gain, record it with ACCORD_UPDATE_BASELINE=1)`;
        expect(got.exact, `articles answered exactly ${hint}`).toBeGreaterThanOrEqual(was.exact);
        expect(got.false, `false answers ${hint}`).toBeLessThanOrEqual(was.false);
      });
    }

    it.skipIf(!process.env.ACCORD_ANSWERS_STRICT)(
      "evaluation half: the issue's target, every article answered exactly and nothing false",
      { timeout: 900_000 },
      async () => {
        const got = await run('evaluation');
        expect({ exact: got.exact, false: got.false }).toEqual({ exact: got.articles, false: 0 });
      },
    );
  },
);
