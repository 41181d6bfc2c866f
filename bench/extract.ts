/**
 * `npm run bench:extract`: how long `extractDraft` takes per article, without a graph, per set:
 * the corpus of real news ($ACCORD_CORPUS), its tuning half (odd numbers) and its evaluation
 * half (even numbers: read here only to be timed, never looked at), and the self-written set.
 * The first article pays for loading jieba's dictionary and OpenCC's tables once per process;
 * it is reported apart. `--rounds N` drafts every article N times (default 5) and takes the
 * median per article; each set reports the median and the slowest article.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractDraft } from '../src/extract/extract.ts';
import { loadCases, SEED_ARTICLE, seedCase } from '../test/extract/score.ts';

interface Article {
  name: string;
  text: string;
  publishedOn?: string;
}

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const sets: [string, Article[]][] = [];
const corpus = process.env.ACCORD_CORPUS;
/** The corpus articles whose number is odd (the tuning half) or even (the evaluation half). */
const corpusHalf = (dir: string, odd: boolean): Article[] =>
  readdirSync(dir)
    .filter((f) => /^(zh|zht|en)-\d+\.txt$/.test(f))
    .filter((f) => Number(/(\d+)\.txt$/.exec(f)?.[1]) % 2 === (odd ? 1 : 0))
    .sort()
    .map((file) => {
      const [head = '', ...rest] = readFileSync(join(dir, file), 'utf8').split(/\r?\n\r?\n/);
      const published = /published:\s*(\d{4}-\d{2}-\d{2})/.exec(head)?.[1];
      return {
        name: file,
        text: rest.join('\n\n'),
        ...(published ? { publishedOn: published } : {}),
      };
    });
if (corpus) {
  sets.push(['corpus tuning', corpusHalf(corpus, true)]);
  sets.push(['corpus evaluation', corpusHalf(corpus, false)]);
} else {
  console.log('ACCORD_CORPUS is not set: the self-written set only.');
}
sets.push([
  'self-written',
  [...loadCases('eval'), ...loadCases('tune'), ...(SEED_ARTICLE ? [seedCase()] : [])],
]);

const draft = (a: Article) =>
  extractDraft(a.text, a.publishedOn ? { publishedOn: a.publishedOn } : {});
const t0 = performance.now();
await draft(sets[0]?.[1][0] as Article);
const cold = performance.now() - t0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (n: number) => Math.round(n * 10) / 10;
const report: Record<string, unknown> = { rounds, firstCallMs: Math.round(cold) };
for (const [name, articles] of sets) {
  const times: { name: string; chars: number; ms: number }[] = [];
  for (const a of articles) {
    const runs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const start = performance.now();
      await draft(a);
      runs.push(performance.now() - start);
    }
    times.push({ name: a.name, chars: a.text.length, ms: median(runs) });
  }
  const all = times.map((t) => t.ms);
  const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a));
  report[name] = {
    articles: times.length,
    medianMs: ms(median(all)),
    maxMs: ms(slowest.ms),
    meanMs: ms(all.reduce((a, b) => a + b, 0) / all.length),
    slowest: slowest.name,
    slowestChars: slowest.chars,
  };
}
report.loadAverage = loadavg().map((l) => Math.round(l * 10) / 10);
console.log(JSON.stringify(report, null, 2));
