/**
 * `npm run eval:extract`: precision and recall per fact type of `accord extract`, side by side
 * on the corpus of real news (its tuning half, and its evaluation half as far as labels exist;
 * texts from $ACCORD_CORPUS, labels from test/extract/corpus/) and on the self-written set
 * (test/extract/eval/, test/extract/tune/ and the seed article), with counts of invented
 * signatories and of roles drafted at a body the text does not tie them to. `--verbose` lists
 * every missed and invented fact of the tuning half and the self-written set; the evaluation
 * half's are never listed, so that it is scored and not studied. `--markdown` prints the
 * README's "How well" table instead, headed by the date of the run and the commit.
 */
import { execFileSync } from 'node:child_process';
import {
  CORPUS,
  corpusCases,
  evaluate,
  loadCases,
  markdownTable,
  SEED_ARTICLE,
  type SetScore,
  seedCase,
  sideBySide,
} from './score.ts';

const verbose = process.argv.includes('--verbose');
const markdown = process.argv.includes('--markdown');
const sets: [string, SetScore][] = [];
if (CORPUS) {
  sets.push(['corpus tuning', await evaluate(corpusCases('tuning'))]);
  const evaluation = corpusCases('evaluation');
  if (evaluation.length) sets.push(['corpus evaluation', await evaluate(evaluation)]);
  else console.log('The evaluation half has no labels yet (test/extract/corpus/ holds none).');
} else {
  console.log(
    'ACCORD_CORPUS is not set: the corpus of real news is not scored. ' +
      'Set it to that folder to score it.',
  );
}
sets.push([
  'self-written',
  await evaluate([
    ...loadCases('eval'),
    ...loadCases('tune'),
    ...(SEED_ARTICLE ? [seedCase()] : []),
  ]),
]);

if (markdown) {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const changed = git('status', '--porcelain', '--', 'src/extract', 'test/extract') !== '';
  const names: Record<string, string> = {
    'corpus tuning': 'tuning',
    'corpus evaluation': 'evaluation',
  };
  console.log(
    `Run of ${new Date().toISOString().slice(0, 10)} at ${git('rev-parse', '--short', 'HEAD')}${changed ? ' (with uncommitted changes)' : ''}: \`npm run eval:extract -- --markdown\` (the corpus from ACCORD_CORPUS, the seed article from ACCORD_SEED_ARTICLE)\n`,
  );
  console.log(markdownTable(sets.map(([n, s]) => [names[n] ?? n, s])));
  process.exit(0);
}
console.log(`\n${sideBySide(sets)}`);
if (verbose) {
  for (const [name, s] of sets) {
    if (name === 'corpus evaluation') continue;
    console.log(`\n${name}:`);
    for (const line of [...s.misses, ...s.rolesOffBody.map((r) => `role off body: ${r}`)])
      console.log(`  ${line}`);
  }
}
