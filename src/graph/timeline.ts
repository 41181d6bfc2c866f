/**
 * The timeline question: dated facts (agreements signed, events held, roles started, stated
 * or ended) in date order, of the whole graph or around one entity (cypher/timeline).
 */
import { cypher } from '../db/cypher.ts';
import type { Database } from '../db/driver.ts';
import { type EntityNode, toEntity } from './entity.ts';

export const MAX_ENTRIES = 1000;

export type TimelineEntryKind =
  | 'AGREEMENT_SIGNED'
  | 'EVENT'
  | 'ROLE_STARTED'
  | 'ROLE_ENDED'
  | 'ROLE_STATED';

export interface TimelineEntry {
  date: string;
  kind: TimelineEntryKind;
  entity: EntityNode;
  summary: string;
}

export interface TimelineFilter {
  /** An entity id: the facts within two relationships of it; null: the whole graph's. */
  of: string | null;
  from: string | null;
  to: string | null;
  first: number;
}

const ROLE_SUFFIX: Partial<Record<TimelineEntryKind, string>> = {
  ROLE_STARTED: 'started',
  ROLE_ENDED: 'ended',
  ROLE_STATED: 'stated',
};

/** The fact in words: "战略合作协议 signed", "聂祚仁 校长 of 北京工业大学 (stated)". */
function summary(
  kind: TimelineEntryKind,
  props: Record<string, unknown>,
  holder: string | null,
  organisation: string | null,
): string {
  switch (kind) {
    case 'AGREEMENT_SIGNED':
      return `${props.name} signed`;
    case 'EVENT':
      return `${props.name} held`;
    default: {
      const who = holder ? `${holder} ` : '';
      const where = organisation ? ` of ${organisation}` : '';
      return `${who}${props.title}${where} (${ROLE_SUFFIX[kind]})`;
    }
  }
}

/** Dated facts, oldest first (on one date: events, agreements, then roles), at most `first`. */
export async function timeline(db: Database, filter: TimelineFilter): Promise<TimelineEntry[]> {
  const { of, ...rest } = filter;
  const rows = of
    ? await db.read(cypher('timeline/of'), { of, ...rest })
    : await db.read(cypher('timeline/all'), rest);
  return rows.map((row) => {
    const kind = row.kind as TimelineEntryKind;
    const props = row.props as Record<string, unknown>;
    return {
      date: row.date as string,
      kind,
      entity: toEntity(row.labels, props),
      summary: summary(
        kind,
        props,
        (row.holder as string) ?? null,
        (row.organisation as string) ?? null,
      ),
    };
  });
}
