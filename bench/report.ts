/**
 * The tables: bench/results/README.md from the JSON files a run wrote (size-N.json for every
 * size measured, naive.json, machine.json). `node bench/report.ts` rewrites it from them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AccordImportResult,
  AdminImportBenchmark,
  NaiveImportResult,
  OfflineRouteResult,
} from './import/benchmark.ts';
import { ROOT } from './lib/neo4j.ts';
import type { QueryBenchmarkResult } from './query/benchmark.ts';
import type { FilterResult } from './query/filters.ts';

interface SizeResult {
  size: number;
  at: string;
  import?: AccordImportResult[];
  query?: QueryBenchmarkResult;
  filters?: FilterResult[];
  neo4jAdmin?: AdminImportBenchmark;
  /** `accord import --offline` (bench/run.ts), and its ratio to neo4j-admin's own time. */
  offline?: OfflineRouteResult & { ratio?: number };
  /** Which import loaded the graph the queries and filters ran on (bench/run.ts --loader). */
  loadedBy?: string;
}
const loadedBy = (r: SizeResult) =>
  r.loadedBy === 'neo4j-admin' ? ' The graph was loaded by neo4j-admin (then migrated).' : '';

interface LoadSummary {
  commit: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerRequest: { server: number; neo4j: number };
  failed: number;
  loadAverages: number[];
}

const read = <T>(file: string): T | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
const k = (n: number) =>
  n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
/** A number for the tables; '–' for none (a round that completed no request has no CPU per request). */
const fmt = (n: number | undefined | null, digits = 0) =>
  n === undefined || n === null || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const s = (ms: number | undefined) => (ms === undefined ? '–' : `${fmt(ms / 1000, 1)} s`);
const x = (r: number | undefined) =>
  r === undefined || !Number.isFinite(r) ? '–' : `${fmt(r, 2)}×`;
const cpu = (c: { server: number; neo4j: number } | undefined) =>
  c ? `${fmt(c.server, 1)} + ${fmt(c.neo4j, 1)}` : '–';
/** The 1-minute load averages of a figure's measurements, lowest to highest. */
const loadRange = (loads: (number | undefined)[]) => {
  const known = loads.filter((l): l is number => l !== undefined);
  if (known.length === 0) return '–';
  const [lo, hi] = [Math.min(...known), Math.max(...known)];
  return lo === hi ? fmt(lo, 1) : `${fmt(lo, 1)}–${fmt(hi, 1)}`;
};
/** The filter curve's target: p50 at the largest size within 2× of the smallest, no scan. */
const withinTarget = (f: FilterResult | undefined, f0: FilterResult) =>
  !f || f === f0
    ? '–'
    : f.p50Ms <= 2 * f0.p50Ms && f.scans.length === 0
      ? 'yes'
      : `**no**${f.scans.length > 0 ? ' (scan)' : ''}${f.p50Ms > 2 * f0.p50Ms ? ` (${x(f.p50Ms / f0.p50Ms)})` : ''}`;
/** "NodeByLabelScan a:Agreement (12000 rows)": a scan's operator, what it reads, and its rows. */
const scanSummary = (scan: string) => {
  const rows = /\((\d+) rows\)$/.exec(scan)?.[1];
  const text = scan
    .replace(/ \(\d+ rows\)$/, '')
    .replace(/ WHERE .*$/, '')
    .replace(/, cache\[.*$/, '');
  return `${text}${rows ? ` (${rows} rows)` : ''}`;
};
const table = (head: string[], rows: (string | number)[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

export function report(dir: string): string {
  const machine = read<Record<string, unknown>>(join(dir, 'machine.json'));
  const naive = read<{ sample: number; result: NaiveImportResult; at: string }>(
    join(dir, 'naive.json'),
  );
  const sizes = readdirSync(dir)
    .filter((f) => /^size-\d+\.json$/.test(f))
    .map((f) => read<SizeResult>(join(dir, f)) as SizeResult)
    .sort((a, b) => a.size - b.size);
  const out: string[] = ['# Benchmark results', ''];
  out.push(
    'Written by `npm run bench` (bench/run.ts); `node bench/report.ts` rewrites this file from the JSON beside it.',
    'Ratios compare measurements taken side by side in one run; figures are medians over the rounds.',
    '',
  );
  if (machine) {
    out.push(
      `**Machine**: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}; Node ${machine.node}; ${machine.java}; Neo4j ${machine.neo4jVersion} Community (heap ${(machine.neo4j as { heap: string }).heap}, page cache ${(machine.neo4j as { pagecache: string }).pagecache}).`,
      `Shared with other work while it ran: load average ${(machine.loadAverage as number[]).join(' / ')} at the start${machine.loadAverageAtEnd ? `, ${(machine.loadAverageAtEnd as number[]).join(' / ')} at the end` : ''} (1/5/15 min). Load generator (autocannon), both GraphQL servers and Neo4j share these cores.`,
      machine.command
        ? `Command: \`${machine.command}\`, ${machine.startedAt} to ${machine.finishedAt}.`
        : '',
      '',
    );
  }

  // Queries.
  for (const r of sizes) {
    if (!r.query) continue;
    const { settings, questions } = r.query;
    out.push(
      `## Queries, ${k(r.size)} entities`,
      '',
      `Accord (\`node src/main.ts\`, production defaults) against @neo4j/graphql ${neo4jGraphqlVersion()} (bench/neo4j-graphql/), same Neo4j, same data. autocannon on loopback, ${settings.rounds} rounds of ${settings.duration} s per server and concurrency, order alternating; each request asks about the next of ${settings.pool} ids. Ratio = Accord / @neo4j/graphql (throughput: higher is better for Accord; latency: lower is).${loadedBy(r)}`,
      '',
    );
    const rows: (string | number)[][] = [];
    for (const q of questions) {
      for (const [c, m] of Object.entries(q.byConcurrency)) {
        rows.push([
          q.key,
          c,
          fmt(m.accord.rps),
          fmt(m.neo4jGraphql.rps),
          `**${x(m.ratio.rps)}**`,
          `${m.accord.p50Ms} / ${m.neo4jGraphql.p50Ms}`,
          `${m.accord.p99Ms} / ${m.neo4jGraphql.p99Ms}`,
          x(m.ratio.p99),
          `${cpu(m.accord.cpuMsPerRequest)} / ${cpu(m.neo4jGraphql.cpuMsPerRequest)}`,
          m.accord.failed + m.neo4jGraphql.failed,
          loadRange([...m.accord.rounds, ...m.neo4jGraphql.rounds].map((l) => l.loadAverage)),
        ]);
      }
    }
    out.push(
      table(
        [
          'question',
          'conc.',
          'Accord req/s',
          '@neo4j/graphql req/s',
          'throughput ratio',
          'p50 ms (A / N)',
          'p99 ms (A / N)',
          'p99 ratio',
          'CPU ms per request, server + Neo4j (A / N)',
          'failed',
          'load average',
        ],
        rows,
      ),
      '',
      table(
        [
          'question',
          'what is asked',
          'nesting depth',
          'Neo4j round trips: Accord',
          '@neo4j/graphql',
          'same answer',
          'scans that read rows: Accord',
          '@neo4j/graphql',
        ],
        questions.map((q) => [
          q.key,
          q.title,
          q.nestingDepth,
          q.roundTrips.accord,
          q.roundTrips.neo4jGraphql,
          `${q.sameAnswer.same}/${q.sameAnswer.checked}`,
          q.plans.accord
            .flatMap((p) => p.scans.map((scan) => `${p.query}: ${scanSummary(scan)}`))
            .join('; ') || 'none: index seeks',
          q.plans.neo4jGraphql.flatMap((p) => p.scans.map(scanSummary)).join('; ') ||
            'none: index seeks',
        ]),
      ),
      '',
    );
  }

  // Scale curve.
  const withQueries = sizes.filter((r) => r.query);
  if (withQueries.length > 0) {
    const smallest = withQueries[0] as SizeResult;
    out.push(
      '## Scale curve',
      '',
      `p50 latency at concurrency 1 (ms), and its ratio to the ${k(smallest.size)} figure. Plans: bench/results/plans/SIZE/.`,
      '',
    );
    const keys = smallest.query?.questions.map((q) => q.key) ?? [];
    const p50 = (r: SizeResult, key: string, side: 'accord' | 'neo4jGraphql') =>
      r.query?.questions.find((q) => q.key === key)?.byConcurrency['1']?.[side].p50Ms;
    out.push(
      table(
        [
          'question',
          ...withQueries.flatMap((r) => [`Accord ${k(r.size)}`, `@neo4j/graphql ${k(r.size)}`]),
        ],
        keys.map((key) => [
          key,
          ...withQueries.flatMap((r) => {
            const a = p50(r, key, 'accord');
            const n = p50(r, key, 'neo4jGraphql');
            const a0 = p50(smallest, key, 'accord');
            const n0 = p50(smallest, key, 'neo4jGraphql');
            const rel = (v: number | undefined, v0: number | undefined) =>
              r === smallest || v === undefined || !v0 ? '' : ` (${x(v / v0)})`;
            return [`${fmt(a, 1)}${rel(a, a0)}`, `${fmt(n, 1)}${rel(n, n0)}`];
          }),
        ]),
      ),
      '',
    );
  }

  // Filter scale curve.
  const withFilters = sizes.filter((r) => r.filters);
  if (withFilters.length > 0) {
    const smallest = withFilters[0] as SizeResult;
    const largest = withFilters.at(-1) as SizeResult;
    out.push(
      '## Filter scale curve',
      '',
      `Each list filter as the API runs it with its page and count (the planner's compiled statement, bench/query/filters.ts), run one after another: p50 (ms), its ratio to the ${k(smallest.size)} figure, and how many it found. Scans that read rows (none is the target); plans: bench/results/plans/SIZE/filters/. Load averages (1 min) after each filter's runs.${
        withFilters.map(loadedBy).join('')
          ? ` Graphs loaded by neo4j-admin (then migrated): ${withFilters
              .filter(loadedBy)
              .map((r) => k(r.size))
              .join(', ')}.`
          : ''
      }`,
      '',
    );
    const find = (r: SizeResult, key: string) => r.filters?.find((f) => f.key === key);
    out.push(
      table(
        [
          'filter',
          ...withFilters.map((r) => k(r.size)),
          `${k(largest.size)} p50 within 2× of ${k(smallest.size)}, no scan`,
          'scans',
        ],
        (smallest.filters ?? []).map((f0) => [
          f0.key,
          ...withFilters.map((r) => {
            const f = find(r, f0.key);
            if (!f) return '–';
            const rel = r === smallest ? '' : ` (${x(f.p50Ms / f0.p50Ms)})`;
            const load = f.loadAverage === undefined ? '' : `, load ${fmt(f.loadAverage, 1)}`;
            return `${fmt(f.p50Ms, 1)}${rel}, ${fmt(f.total)} found${load}`;
          }),
          withinTarget(find(largest, f0.key), f0),
          withFilters
            .flatMap((r) =>
              (find(r, f0.key)?.scans ?? []).map((v) => `${k(r.size)}: ${scanSummary(v)}`),
            )
            .join('; ') || 'none',
        ]),
      ),
      '',
    );
  }

  // Load on two commits, side by side (bench/load-compare.ts).
  const compared = read<{ at: string; command: string; summary: Record<string, LoadSummary> }>(
    join(dir, 'load-compare.json'),
  );
  if (compared) {
    out.push(
      '## Load on two commits',
      '',
      `\`${compared.command}\` (${compared.at}): \`npm run load\` on each commit in turn, alternating, medians of the runs; load averages at the start of each run.`,
      '',
      table(
        [
          'commit',
          'req/s',
          'p50 ms',
          'p99 ms',
          'CPU ms per request, server + Neo4j',
          'failed',
          'load averages',
        ],
        Object.entries(compared.summary).map(([rev, m]) => [
          `${rev} (${m.commit.slice(0, 7)})`,
          fmt(m.rps),
          m.p50Ms,
          m.p99Ms,
          cpu(m.cpuMsPerRequest),
          m.failed,
          m.loadAverages.map((l) => fmt(l, 1)).join(', '),
        ]),
      ),
      '',
    );
  }

  // Imports.
  const imports = sizes.filter((r) => r.import || r.neo4jAdmin || r.offline);
  if (imports.length > 0 || naive) {
    out.push(
      '## Import',
      '',
      'Each run into an empty database. records/s counts the records of the file (entities; their relationships come with them).',
      '',
    );
    const rows: (string | number)[][] = [];
    for (const r of imports) {
      for (const i of r.import ?? []) {
        rows.push([
          k(r.size),
          `Accord, batch ${i.batchSize}`,
          fmt(i.records),
          `${fmt(i.counts.nodes)} / ${fmt(i.counts.relationships)}`,
          s(i.elapsedMs),
          `**${fmt(i.recordsPerSecond)}**`,
          `${s(i.phases.validate?.ms)} / ${s(i.phases.resolve?.ms)} / ${s(i.phases.nodes?.ms)} / ${s(i.phases.relationships?.ms)}`,
          `${fmt(i.processPeakRssMb)} MB`,
        ]);
      }
      const a = r.neo4jAdmin;
      if (a) {
        const total = a.import.elapsedMs + a.indexes.elapsedMs;
        rows.push([
          k(r.size),
          'neo4j-admin import full (offline) + indexes',
          fmt(a.csv.records),
          `${fmt(a.counts.nodes)} / ${fmt(a.counts.relationships)}`,
          `${s(a.import.elapsedMs)} (reported ${s(a.import.reportedMs)}) + ${s(a.indexes.elapsedMs)}`,
          `**${fmt(a.csv.records / (total / 1000))}** (import alone, as reported: ${fmt(a.csv.records / (a.import.reportedMs / 1000))})`,
          `CSV conversion ${s(a.csv.elapsedMs)}, not counted`,
          `${fmt(a.import.peakRssMb)} MB (JVM)`,
        ]);
      }
      const o = r.offline;
      if (o) {
        const { check, csv, admin, start, migrate } = o.steps;
        rows.push([
          k(r.size),
          'accord import --offline',
          fmt(r.neo4jAdmin?.csv.records ?? r.size),
          `${fmt(o.counts.nodes)} / ${fmt(o.counts.relationships)}`,
          `${s(o.processMs)}${o.ratio ? ` (**${o.ratio}×** neo4j-admin's own)` : ''}`,
          `**${fmt(o.recordsPerSecond)}**`,
          `check ${s(check)}, CSV ${s(csv)}, neo4j-admin ${s(admin)}, start ${s(start)}, indexes ${s(migrate)}`,
          `${fmt(o.nodePeakRssMb)} MB (Node; ${fmt(o.peakRssMb)} MB with neo4j-admin's JVM)`,
        ]);
      }
    }
    if (naive) {
      rows.push([
        k(naive.sample),
        'naive: one transaction per record',
        fmt(naive.result.records),
        `${fmt(naive.result.counts.nodes)} / ${fmt(naive.result.counts.relationships)}`,
        s(naive.result.elapsedMs),
        `**${fmt(naive.result.recordsPerSecond)}**`,
        `– / – / ${s(naive.result.phases.nodes.ms)} / ${s(naive.result.phases.relationships.ms)}`,
        `${fmt(naive.result.processPeakRssMb)} MB`,
      ]);
    }
    out.push(
      table(
        [
          'size',
          'import',
          'records',
          'nodes / relationships',
          'time',
          'records/s',
          'validate / resolve / nodes / relationships',
          'peak RSS',
        ],
        rows,
      ),
      '',
    );
    const ratios: (string | number)[][] = [];
    for (const r of imports) {
      const best = [...(r.import ?? [])].sort((a, b) => b.recordsPerSecond - a.recordsPerSecond)[0];
      if (!best) continue;
      const a = r.neo4jAdmin;
      ratios.push([
        k(r.size),
        `batch ${best.batchSize}, ${fmt(best.recordsPerSecond)} records/s`,
        naive ? x(best.recordsPerSecond / naive.result.recordsPerSecond) : '–',
        a ? x(best.elapsedMs / (a.import.elapsedMs + a.indexes.elapsedMs)) : '–',
        a ? x(best.elapsedMs / a.import.reportedMs) : '–',
      ]);
    }
    if (ratios.length > 0) {
      out.push(
        table(
          [
            'size',
            'Accord (fastest run)',
            'speed / naive speed (target ≥ 20×)',
            'time / neo4j-admin time with indexes (target ≤ 5×)',
            'time / neo4j-admin import alone, as reported',
          ],
          ratios,
        ),
        '',
      );
    }
    for (const r of imports) {
      const i = r.import?.at(-1);
      if (!i) continue;
      out.push(
        `Time in Neo4j queries, ${k(r.size)}, batch ${i.batchSize} (ms; the rest of each phase is the import's own work in Node): ${Object.entries(
          i.queries,
        )
          .map(([name, q]) => `${name} ${fmt(q.ms)} in ${q.calls} calls`)
          .join(', ')}.`,
        '',
      );
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function neo4jGraphqlVersion(): string {
  const pkg = read<{ version: string }>(join(ROOT, 'node_modules/@neo4j/graphql/package.json'));
  return pkg?.version ?? '';
}

export function writeReport(dir: string): void {
  writeFileSync(join(dir, 'README.md'), report(dir));
}

if (import.meta.main) {
  writeReport(process.argv[2] ?? join(ROOT, 'bench/results'));
}
