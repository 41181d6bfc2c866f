/**
 * `npm run bench:extract-nlp`: part-of-speech taggers measured against the rules as finders of
 * people and organisations, side by side on the corpus's tuning half ($ACCORD_CORPUS; the
 * evaluation half is not read) and the self-written set: precision and recall per category
 * (scored as `npm run eval:extract` scores them) and the time per article.
 *
 * - rules: `extractDraft`, its person and organisation records.
 * - jieba: @node-rs/jieba's `tag` (already a dependency) on the article's simplified view:
 *   every word tagged nr a person, nt an organisation.
 * - thulac: THULAC from PyPI (its wheel carries its model; runs offline), through
 *   bench/extract-nlp-thulac.py in .venv (or ACCORD_PYTHON): np a person, ni an organisation.
 *   Skipped with a notice when it is not installed (`.venv/bin/python -m pip install thulac`).
 * - rules + X: the rules' records, and each name X finds that the rules do not have.
 *
 * Writes bench/results/extract-nlp.json and prints a table.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readArticle } from '../src/extract/article.ts';
import { extractDraft } from '../src/extract/extract.ts';
import { tagWords } from '../src/extract/segmenter.ts';
import { nameKey } from '../src/names.ts';
import {
  type Case,
  CORPUS,
  corpusCases,
  loadCases,
  precision,
  type Rec,
  recall,
  type Score,
  SEED_ARTICLE,
  score,
  seedCase,
} from '../test/extract/score.ts';

const CATEGORIES = ['person', 'organisation'] as const;
type Category = (typeof CATEGORIES)[number];
/** What one finder gives for one article: person and organisation records, and its time. */
interface Found {
  records: Rec[];
  ms: number;
}
type Finder = (c: Case) => Found;

const sets: [string, Case[]][] = [];
if (CORPUS) sets.push(['corpus tuning', corpusCases('tuning')]);
else console.log('ACCORD_CORPUS is not set: the self-written set only.');
sets.push([
  'self-written',
  [...loadCases('eval'), ...loadCases('tune'), ...(SEED_ARTICLE ? [seedCase()] : [])],
]);
const all = sets.flatMap(([, cases]) => cases);

/** Records for the names a tagger gives the tags of a person and of an organisation. */
const fromTags = (words: [string, string][], person: string, org: string): Rec[] => {
  const out = new Map<string, Rec>();
  for (const [word, tag] of words) {
    const type = tag === person ? 'person' : tag === org ? 'organisation' : undefined;
    if (!type || out.has(`${type}:${word}`)) continue;
    out.set(`${type}:${word}`, { type, id: `nlp-${out.size}`, name: word });
  }
  return [...out.values()];
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const timed = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const out = work();
  return [out, performance.now() - start];
};

// The rules (awaited once per article, timed over 3 rounds).
const rules = new Map<Case, Found>();
for (const c of all) {
  const options = c.publishedOn ? { publishedOn: c.publishedOn } : {};
  await extractDraft(c.text, options);
  const runs: number[] = [];
  let records: Rec[] = [];
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    const draft = await extractDraft(c.text, options);
    runs.push(performance.now() - start);
    records = draft.records
      .map((d) => d.record as Rec)
      .filter((d) => (CATEGORIES as readonly string[]).includes(d.type));
  }
  rules.set(c, { records, ms: median(runs) });
}

const jieba: Finder = (c) => {
  const view = readArticle(c.text).view;
  tagWords(view);
  const [words, ms] = timed(() => tagWords(view).map((w) => [w.word, w.tag] as [string, string]));
  return { records: fromTags(words, 'nr', 'nt'), ms };
};

/** THULAC over every article in one Python process, or why it could not run. */
function thulacAll(): Map<Case, Found> | string {
  const python =
    process.env.ACCORD_PYTHON ?? (existsSync('.venv/bin/python') ? '.venv/bin/python' : 'python3');
  const input = all
    .map((c, i) => JSON.stringify({ name: String(i), text: readArticle(c.text).view }))
    .join('\n');
  const run = spawnSync(python, ['bench/extract-nlp-thulac.py'], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0)
    return `thulac did not run (${python}): ${run.stderr.trim().split('\n').at(-1)}`;
  const lines = run.stdout
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as { loadMs?: number; name: string; words: [string, string][]; ms: number },
    );
  thulacLoadMs = lines[0]?.loadMs ?? 0;
  const out = new Map<Case, Found>();
  for (const l of lines.slice(1))
    out.set(all[Number(l.name)] as Case, { records: fromTags(l.words, 'np', 'ni'), ms: l.ms });
  return out;
}
let thulacLoadMs = 0;

/** The rules' records, and each of the tagger's names the rules do not have. */
const union =
  (tagger: Finder): Finder =>
  (c) => {
    const base = rules.get(c) as Found;
    const extra = tagger(c);
    const known = new Set(
      base.records.flatMap((r) =>
        [r.name, ...((r.aliases as string[]) ?? [])].map((n) => `${r.type}:${nameKey(String(n))}`),
      ),
    );
    return {
      records: [
        ...base.records,
        ...extra.records.filter((r) => !known.has(`${r.type}:${nameKey(String(r.name))}`)),
      ],
      ms: base.ms + extra.ms,
    };
  };

const finders: [string, Finder][] = [
  ['rules', (c) => rules.get(c) as Found],
  ['jieba', jieba],
  ['rules + jieba', union(jieba)],
];
const thulac = thulacAll();
if (typeof thulac === 'string') console.log(thulac);
else {
  const byCase: Finder = (c) => thulac.get(c) as Found;
  finders.push(['thulac', byCase], ['rules + thulac', union(byCase)]);
}

interface Figures {
  precision: number;
  recall: number;
  expected: number;
  found: number;
  correct: number;
}
const figures = (s: Score): Figures => ({
  precision: Math.round(precision(s) * 100) / 100,
  recall: Math.round(recall(s) * 100) / 100,
  expected: s.expected,
  found: s.extracted,
  correct: s.correct,
});

const results: Record<
  string,
  Record<string, Record<Category, Figures> & { msPerArticle: number }>
> = {};
for (const [setName, cases] of sets) {
  results[setName] = {};
  for (const [finderName, finder] of finders) {
    const empty = (): Score => ({
      expected: 0,
      extracted: 0,
      correct: 0,
      missed: [],
      invented: [],
    });
    const sum: Record<Category, Score> = { person: empty(), organisation: empty() };
    const times: number[] = [];
    for (const c of cases) {
      const found = finder(c);
      times.push(found.ms);
      const s = score(found.records, c.expected);
      for (const k of CATEGORIES) {
        sum[k].expected += s[k].expected;
        sum[k].extracted += s[k].extracted;
        sum[k].correct += s[k].correct;
      }
    }
    (results[setName] as Record<string, unknown>)[finderName] = {
      person: figures(sum.person),
      organisation: figures(sum.organisation),
      msPerArticle: Math.round(median(times) * 10) / 10,
    };
  }
}

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const report = {
  date: new Date().toISOString().slice(0, 10),
  commit: git('rev-parse', '--short', 'HEAD'),
  articles: Object.fromEntries(sets.map(([n, c]) => [n, c.length])),
  loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
  ...(typeof thulac === 'string' ? { thulac } : { thulacModelLoadMs: thulacLoadMs }),
  note: 'msPerArticle: median time per article; the rules draft everything, a tagger only tags; rules + X adds both',
  results,
};
writeFileSync('bench/results/extract-nlp.json', `${JSON.stringify(report, null, 2)}\n`);

const rows = [
  '| set | finder | person P / R | organisation P / R | ms per article |',
  '| --- | --- | --- | --- | --- |',
];
for (const [setName, byFinder] of Object.entries(results))
  for (const [finderName, r] of Object.entries(byFinder))
    rows.push(
      `| ${setName} | ${finderName} | ${r.person.precision.toFixed(2)} / ${r.person.recall.toFixed(2)} | ${r.organisation.precision.toFixed(2)} / ${r.organisation.recall.toFixed(2)} | ${r.msPerArticle} |`,
    );
console.log(rows.join('\n'));
