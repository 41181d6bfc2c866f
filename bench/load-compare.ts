#!/usr/bin/env node
/**
 * `npm run load` on two commits side by side: each commit checked out (git archive) into a
 * folder of its own under /tmp, sharing this tree's node_modules when its package-lock.json is
 * the same (else installed with npm ci), then the same load command run on each in turn,
 * `--runs` times, alternating which goes first, and the medians compared. On a shared machine
 * only figures taken side by side like this compare.
 *
 *   node bench/load-compare.ts [--base main~1] [--head main] [--runs 3]
 *        [--dir /tmp/accord-load] [--port 7706] [-- load.ts options, e.g. --entities 0]
 *
 * Each commit's own bench/load.ts runs with `--entities 0` (the seed in a Neo4j of its own, one
 * folder per commit under --dir, loaded once and kept) unless the options after `--` say
 * otherwise. Results: bench/results/load-compare.json (every run and the medians).
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/neo4j.ts';
import { timed } from './lib/process.ts';
import { failures, type LoadResult } from './load.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: 'main~1' },
    head: { type: 'string', default: 'main' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string', default: '/tmp/accord-load' },
    port: { type: 'string', default: '7706' },
    out: { type: 'string', default: join(ROOT, 'bench/results/load-compare.json') },
  },
});
const loadArgs = positionals.length > 0 ? positionals : ['--entities', '0'];
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
const log = (line: string) => console.error(`load-compare: ${line}`);

/** A checkout of `rev` under --dir, ready to run (its node_modules: this tree's or its own). */
function checkout(rev: string): { rev: string; commit: string; tree: string } {
  const commit = git('rev-parse', '--verify', `${rev}^{commit}`).trim();
  const tree = join(values.dir, commit.slice(0, 12));
  if (!existsSync(join(tree, 'package.json'))) {
    log(`${rev} (${commit.slice(0, 12)}) → ${tree}`);
    mkdirSync(tree, { recursive: true });
    execFileSync('bash', ['-c', `git archive ${commit} | tar -x -C '${tree}'`], { cwd: ROOT });
    const lock = (dir: string) => readFileSync(join(dir, 'package-lock.json'), 'utf8');
    if (lock(tree) === lock(ROOT))
      symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    else execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: tree, stdio: 'inherit' });
    // Neo4j's jars as this tree's launcher fetched them (a fetch with Maven takes minutes).
    mkdirSync(join(tree, '.neo4j'), { recursive: true });
    for (const lib of readdirSync(join(ROOT, '.neo4j')).filter((f) => f.startsWith('lib-'))) {
      symlinkSync(join(ROOT, '.neo4j', lib), join(tree, '.neo4j', lib));
    }
  }
  return { rev, commit, tree };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const sides = [checkout(values.base), checkout(values.head)];
const runs: Record<string, LoadResult[]> = { [values.base]: [], [values.head]: [] };
for (let round = 0; round < Number(values.runs); round++) {
  for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
    const out = join(side.tree, `load-${round + 1}.json`);
    const command = [
      process.execPath,
      join(side.tree, 'bench/load.ts'),
      ...loadArgs,
      '--dir',
      join(values.dir, `neo4j-${side.commit.slice(0, 12)}`),
      '--port',
      values.port,
      '--out',
      out,
    ];
    log(`round ${round + 1}: ${side.rev}`);
    rmSync(out, { force: true });
    // load.ts exits 1 on errors or RSS growth: the result is recorded all the same. Neo4j can
    // take minutes to start on a busy machine (the launcher waits 120 s unless told).
    const env = { ...process.env, NEO4J_START_TIMEOUT: process.env.NEO4J_START_TIMEOUT ?? '900' };
    const run = await timed(command, { cwd: side.tree, env });
    if (!existsSync(out)) {
      throw new Error(`${side.rev}: no result (${command.join(' ')}):\n${run.stderr.slice(-2000)}`);
    }
    const result = JSON.parse(readFileSync(out, 'utf8')) as LoadResult;
    log(
      `  ${result.requests.perSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, errors ${failures(result)}, load ${result.loadAverage.before[0]}`,
    );
    runs[side.rev]?.push(result);
  }
}

const summary = Object.fromEntries(
  sides.map(({ rev, commit }) => {
    const list = runs[rev] ?? [];
    return [
      rev,
      {
        commit,
        rps: median(list.map((r) => r.requests.perSecond)),
        p50Ms: median(list.map((r) => r.latencyMs.p50)),
        p99Ms: median(list.map((r) => r.latencyMs.p99)),
        cpuMsPerRequest: {
          server: median(list.map((r) => r.cpuMsPerRequest.server)),
          neo4j: median(list.map((r) => r.cpuMsPerRequest.neo4j)),
        },
        failed: list.reduce((n, r) => n + failures(r), 0),
        loadAverages: list.map((r) => r.loadAverage.before[0]),
      },
    ];
  }),
);
const saved = {
  at: new Date().toISOString(),
  command: `node bench/load-compare.ts ${process.argv.slice(2).join(' ')}`.trim(),
  summary,
  runs,
};
writeFileSync(values.out, `${JSON.stringify(saved, null, 2)}\n`);
console.log(JSON.stringify(summary, null, 2));
