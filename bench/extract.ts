/**
 * `npm run bench:extract`: how long `extractDraft` takes per article, without a graph: the
 * tuning half of the corpus of real news ($ACCORD_CORPUS, the odd numbers; the evaluation
 * half is left unread) and the self-written set. The first article pays for loading jieba's
 * dictionary and OpenCC's tables once per process; it is reported apart. `--rounds N` drafts
 * every article N times (default 5) and reports the median per article.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractDraft } from '../src/extract/extract.ts';
import { loadCases, seedCase } from '../test/extract/score.ts';

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;
const articles: { name: string; text: string; publishedOn?: string }[] = [];
const corpus = process.env.ACCORD_CORPUS;
if (corpus) {
  for (const file of readdirSync(corpus)
    .filter((f) => /^(zh|zht|en)-\d*[13579]\.txt$/.test(f))
    .sort()) {
    const [head = '', ...rest] = readFileSync(join(corpus, file), 'utf8').split(/\r?\n\r?\n/);
    const published = /published:\s*(\d{4}-\d{2}-\d{2})/.exec(head)?.[1];
    articles.push({
      name: file,
      text: rest.join('\n\n'),
      ...(published ? { publishedOn: published } : {}),
    });
  }
} else {
  console.log('ACCORD_CORPUS is not set: the self-written set only.');
}
for (const c of [...loadCases('eval'), ...loadCases('tune'), seedCase()]) articles.push(c);

const draft = (a: (typeof articles)[number]) =>
  extractDraft(a.text, a.publishedOn ? { publishedOn: a.publishedOn } : {});
const t0 = performance.now();
await draft(articles[0] as (typeof articles)[number]);
const cold = performance.now() - t0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
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
console.log(
  JSON.stringify(
    {
      articles: times.length,
      rounds,
      firstCallMs: Math.round(cold),
      medianMs: Math.round(median(all) * 10) / 10,
      meanMs: Math.round((all.reduce((a, b) => a + b, 0) / all.length) * 10) / 10,
      slowest: { ...slowest, ms: Math.round(slowest.ms * 10) / 10 },
      loadAverage: (await import('node:os')).loadavg().map((l) => Math.round(l * 10) / 10),
    },
    null,
    2,
  ),
);
