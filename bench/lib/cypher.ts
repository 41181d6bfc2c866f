/**
 * The benchmark's own Cypher: named files under bench/cypher/, as the service keeps its own
 * under cypher/. And query plans: PROFILE of any query (a write is committed) with its parameters, as
 * readable text with estimated and actual rows, and the scans that actually read rows (a scan
 * in a branch the parameters switch off reads nothing) picked out.
 */
import { readFileSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Query } from '../../src/db/cypher.ts';
import type { Row } from '../../src/db/driver.ts';

export function benchCypher(name: string): Query<Row> {
  const text = readFileSync(new URL(`../cypher/${name}.cypher`, import.meta.url), 'utf8').trim();
  return { name: `bench/${name}`, text };
}

/**
 * Parameters as Neo4j should see them: whole numbers as integers (as src/db/driver.ts sends
 * them), and integers that came through JSON as {low, high} back into integers.
 */
export function neo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(neo4jParams);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const v = value as Record<string, unknown>;
    if (keys.length === 2 && typeof v.low === 'number' && typeof v.high === 'number') {
      return neo4j.Integer.fromBits(v.low, v.high);
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, neo4jParams(x)]));
  }
  return value;
}

/** Operators that read every node of a label, every entry of an index or every relationship of a type. */
const SCAN = /Scan/;

export interface Plan {
  text: string;
  /** Operators that scanned a label, an index or a relationship type and read rows: details and rows. */
  scans: string[];
  /** Index seeks (node unique/index seeks) in the plan. */
  seeks: number;
  /** Database hits of the whole query. */
  dbHits: number;
  /** What the query returned. */
  rows: Record<string, unknown>[];
}

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  identifiers: string[];
  children: PlanNode[];
  rows?: number;
  dbHits?: number;
}

export async function profile(
  driver: Driver,
  database: string | undefined,
  text: string,
  params: Record<string, unknown>,
  { write = false } = {},
): Promise<Plan> {
  // A write (the import's upserts) is profiled in a write session and committed.
  const mode = write ? neo4j.session.WRITE : neo4j.session.READ;
  const session = driver.session({ database, defaultAccessMode: mode });
  try {
    const result = await session.run(
      `PROFILE ${text}`,
      neo4jParams(params) as Record<string, unknown>,
    );
    const lines: string[] = [];
    const scans: string[] = [];
    let seeks = 0;
    let dbHits = 0;
    const walk = (node: PlanNode, depth: number) => {
      const operator = node.operatorType.replace(/@.*$/, '');
      const details = String(node.arguments.Details ?? '').replace(/\s+/g, ' ');
      const estimated = Math.round(Number(node.arguments.EstimatedRows ?? 0));
      const rows = Number(node.rows ?? 0);
      dbHits += Number(node.dbHits ?? 0);
      lines.push(
        `${'  '.repeat(depth)}${operator}  ${details}  (estimated rows ${estimated}, rows ${rows}, db hits ${node.dbHits ?? 0})`,
      );
      if (SCAN.test(operator) && rows > 0)
        scans.push(`${operator} ${details} (${rows} rows)`.trim());
      if (/Seek/.test(operator)) seeks += 1;
      for (const child of node.children) walk(child, depth + 1);
    };
    walk(result.summary.profile as unknown as PlanNode, 0);
    const rows = result.records.map((r) => r.toObject());
    return { text: lines.join('\n'), scans, seeks, dbHits, rows };
  } finally {
    await session.close();
  }
}
