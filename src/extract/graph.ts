/**
 * Matching what an article names against the graph already held, by the one name rule of
 * src/names.ts (case, width, simplified/traditional): an organisation, region or person whose
 * name or alias matches exactly one entity of its kind becomes a reference to that entity
 * (北工大 → org-bjut), so that importing the draft adds to it instead of duplicating it. A
 * person is matched only when the graph also has them at one of the organisations the
 * article places them at, or credits them on the same source (a common name alone is not
 * enough); a name that matches several entities is left to the reviewer. The article itself
 * is matched by its title and date, so that drafting an article already held adds to it.
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { nameKey } from '../names.ts';
import type { Unplaced } from './agreements.ts';
import type { Findings, Region } from './findings.ts';
import type { Person } from './officials.ts';
import type { Organisation } from './organisations.ts';

export interface GraphMatch {
  id: string;
  name: string;
  /** Every name the entity is known by (name, English name, aliases). */
  names: string[];
}

export interface GraphMatches {
  organisations: Map<Organisation, GraphMatch>;
  people: Map<Person, GraphMatch>;
  regions: Map<Region, GraphMatch>;
  /** The source already held for this very article (same title and date). */
  source?: GraphMatch;
  unplaced: Unplaced[];
}

interface Candidate extends GraphMatch {
  label: string;
  organisations: string[];
  credited: string[];
  publishedOn?: string;
}

export async function matchGraph(db: Database, findings: Findings): Promise<GraphMatches> {
  const namesOf = new Map<object, string[]>();
  for (const o of findings.organisations) namesOf.set(o, [o.name, ...o.aliases]);
  for (const p of findings.people) namesOf.set(p, [p.name]);
  for (const r of findings.regions) namesOf.set(r, [r.name, ...r.aliases]);
  namesOf.set(findings, [findings.title]);
  const keys = [...new Set([...namesOf.values()].flat().map(nameKey))];
  const rows = keys.length
    ? await db.read(cypher('extract/known-names'), {
        keys,
        labels: ['Organisation', 'Person', 'Region', 'Source'],
      })
    : [];
  const byKey = new Map<string, Candidate[]>();
  for (const row of rows) {
    const list = byKey.get(row.key as string) ?? [];
    list.push({
      id: row.id as string,
      name: row.name as string,
      names: [row.name, row.nameEn, ...((row.aliases as string[]) ?? [])].filter(
        Boolean,
      ) as string[],
      label: row.label as string,
      organisations: (row.organisations as string[]) ?? [],
      credited: (row.credited as string[]) ?? [],
      ...(row.publishedOn ? { publishedOn: String(row.publishedOn) } : {}),
    });
    byKey.set(row.key as string, list);
  }
  const candidates = (thing: object, label: string) => {
    const found = new Map<string, Candidate>();
    for (const name of namesOf.get(thing) ?? []) {
      for (const c of byKey.get(nameKey(name)) ?? []) if (c.label === label) found.set(c.id, c);
    }
    return [...found.values()];
  };
  const matches: GraphMatches = {
    organisations: new Map(),
    people: new Map(),
    regions: new Map(),
    unplaced: [],
  };
  const ambiguous = (kind: string, name: string, span: Unplaced['span'], list: Candidate[]) =>
    matches.unplaced.push({
      kind,
      text: name,
      span,
      reason: 'graph-ambiguous',
      detail: `matches several entities of the graph: ${list.map((c) => c.id).join(', ')}`,
    });
  const sources = candidates(findings, 'Source').filter(
    (c) => !c.publishedOn || !findings.publishedOn || c.publishedOn === findings.publishedOn,
  );
  if (sources.length === 1) matches.source = sources[0] as Candidate;
  for (const o of findings.organisations) {
    const list = candidates(o, 'Organisation');
    if (list.length === 1) matches.organisations.set(o, list[0] as Candidate);
    else if (list.length > 1) ambiguous('organisation', o.name, o.span, list);
  }
  for (const r of findings.regions) {
    const list = candidates(r, 'Region');
    if (list.length === 1) matches.regions.set(r, list[0] as Candidate);
    else if (list.length > 1) ambiguous('region', r.name, r.span, list);
  }
  for (const p of findings.people) {
    const list = candidates(p, 'Person');
    const at = new Set(
      findings.roles
        .filter((r) => r.person === p)
        .map((r) => matches.organisations.get(r.organisation)?.id)
        .filter(Boolean),
    );
    const credited = matches.source && findings.credits.some((c) => c.key === p.key);
    const corroborated = list.filter(
      (c) =>
        c.organisations.some((id) => at.has(id)) ||
        (credited && c.credited.includes((matches.source as Candidate).id)),
    );
    if (corroborated.length === 1) matches.people.set(p, corroborated[0] as Candidate);
    else if (list.length > 0) {
      matches.unplaced.push({
        kind: 'person',
        text: p.name,
        span: p.span,
        reason: 'graph-namesake',
        detail: `has the name of ${list.map((c) => c.id).join(', ')} in the graph, not at the same organisation: kept apart`,
      });
    }
  }
  return matches;
}
