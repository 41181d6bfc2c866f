/**
 * `npm run eval:extract`: precision and recall per fact type of `accord extract` on the
 * evaluation half of the labelled set (test/extract/eval/), articles never used to tune the
 * rules. `--all` also scores the seed article and the tuning half; `--verbose` lists every
 * missed and invented fact.
 */
import { extractDraft } from '../../src/extract/extract.ts';
import {
  type Case,
  loadCases,
  type Rec,
  SEED_ARTICLE,
  score,
  seedCase,
  table,
  total,
} from './score.ts';

const args = new Set(process.argv.slice(2));

async function run(title: string, cases: Case[]) {
  const scores = [];
  for (const c of cases) {
    const draft = await extractDraft(c.text, c.publishedOn ? { publishedOn: c.publishedOn } : {});
    const s = score(
      draft.records.map((r) => r.record as Rec),
      c.expected,
    );
    scores.push(s);
    if (args.has('--verbose')) {
      for (const [type, t] of Object.entries(s)) {
        for (const m of t.missed) console.log(`  ${c.name}: missed ${type} ${m}`);
        for (const m of t.invented) console.log(`  ${c.name}: invented ${type} ${m}`);
      }
    }
  }
  const sum = total(scores);
  console.log(`\n${title} (${cases.length} articles)\n${table(sum)}`);
  console.log(`invented signatories: ${sum.signatory.invented.length}`);
  return sum;
}

await run('Evaluation half: test/extract/eval/', loadCases('eval'));
if (args.has('--all')) {
  if (SEED_ARTICLE) {
    await run('Seed article (expected: data/seed/bjut-2023-12-22.ndjson)', [seedCase()]);
  } else console.log('\nSeed article: not scored, ACCORD_SEED_ARTICLE is unset');
  await run('Tuning half: test/extract/tune/', loadCases('tune'));
}
