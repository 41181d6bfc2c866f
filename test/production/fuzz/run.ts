#!/usr/bin/env node
/**
 * Runs generated operations against a running Accord and checks every answer: no 5xx, a JSON
 * body, and no internal error, masked or not (a stack, a Neo4j message, Cypher). The suite
 * runs a short fuzz (test/production/fuzz.test.ts); `npm run fuzz -- [--count N] [--seed S]
 * [--url URL] [--key KEY] [--mutations] [--exclude FIELD]...` runs a long one against a
 * server you started (mutations write random data: only against a database you can throw away).
 */
import { parseArgs } from 'node:util';
import type { GraphQLSchema } from 'graphql';
import { createSchema } from '../../../src/graphql/schema.ts';
import { invalidOperation, type Operation, random, validOperation } from './generator.ts';

export interface FuzzOptions {
  url: string;
  count: number;
  seed: number;
  key?: string;
  mutations?: boolean;
  /** Root fields never generated. */
  exclude?: string[];
  concurrency?: number;
}

export interface Finding {
  operation: Operation;
  status: number;
  why: string;
  response: string;
}

export interface FuzzReport {
  sent: number;
  valid: number;
  invalid: number;
  byStatus: Record<string, number>;
  /** Answers with data and no errors. */
  clean: number;
  findings: Finding[];
}

/**
 * What must never reach a client: Neo4j's error names, Cypher of our own queries (the
 * generator itself sends `MATCH (n)` in hostile strings, which errors may quote back), stacks.
 */
const LEAK =
  /Neo4jError|Neo\.(Client|Transient|Database)Error|OPTIONAL MATCH|\bRETURN [\w.]+ AS\b|\bWHERE [\w.]+ (=|IN) \$|at .+\.(ts|js):\d+:\d+|"stack"|"originalError"/;

export async function runFuzz(options: FuzzOptions, schema: GraphQLSchema = createSchema()) {
  const r = random(options.seed);
  const report: FuzzReport = {
    sent: 0,
    valid: 0,
    invalid: 0,
    byStatus: {},
    clean: 0,
    findings: [],
  };
  const operations: Operation[] = Array.from({ length: options.count }, () =>
    r.chance(0.7)
      ? validOperation(schema, r, options.mutations ?? false, options.exclude)
      : invalidOperation(schema, r),
  );
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.key) headers.authorization = `Bearer ${options.key}`;

  const check = async (operation: Operation) => {
    const response = await fetch(options.url, { method: 'POST', headers, body: operation.body });
    const text = await response.text();
    report.sent += 1;
    report[operation.kind] += 1;
    report.byStatus[response.status] = (report.byStatus[response.status] ?? 0) + 1;
    const finding = (why: string) =>
      report.findings.push({
        operation,
        status: response.status,
        why,
        response: text.slice(0, 2000),
      });
    if (response.status >= 500) return finding(`HTTP ${response.status}`);
    let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text);
    } catch {
      return finding('the body is not JSON');
    }
    if (LEAK.test(text)) return finding('internal details in the response');
    for (const error of body.errors ?? []) {
      if (error.extensions?.code === 'INTERNAL_SERVER_ERROR')
        return finding('an internal error (masked)');
      if (!error.message) return finding('an error without a message');
    }
    if (!body.errors && body.data) report.clean += 1;
  };

  let next = 0;
  const workers = Array.from({ length: options.concurrency ?? 4 }, async () => {
    while (next < operations.length) {
      const operation = operations[next++] as Operation;
      await check(operation);
    }
  });
  await Promise.all(workers);
  return report;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.ACCORD_URL ?? 'http://127.0.0.1:4000/graphql' },
      count: { type: 'string', default: '5000' },
      seed: { type: 'string', default: String(Date.now() % 100000) },
      key: { type: 'string', default: process.env.ACCORD_KEY },
      mutations: { type: 'boolean', default: false },
      exclude: { type: 'string', multiple: true, default: [] },
    },
  });
  const report = await runFuzz({
    url: values.url,
    count: Number(values.count),
    seed: Number(values.seed),
    key: values.key,
    mutations: values.mutations,
    exclude: values.exclude,
  });
  for (const f of report.findings.slice(0, 20)) {
    console.log(
      `\n${f.why} (HTTP ${f.status}, ${f.operation.kind}${f.operation.how ? `: ${f.operation.how}` : ''})`,
    );
    console.log(`  sent: ${f.operation.body.slice(0, 500)}`);
    console.log(`  got:  ${f.response.slice(0, 500)}`);
  }
  const { findings, ...counts } = report;
  console.log(
    JSON.stringify({ seed: Number(values.seed), ...counts, findings: findings.length }, null, 2),
  );
  process.exitCode = findings.length > 0 ? 1 : 0;
}
