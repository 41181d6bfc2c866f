/**
 * The query tree: what one root field asks of the graph, with nothing of GraphQL's syntax
 * left (fragments, aliases, directives and variables are resolved by plan.ts). compile.ts
 * turns it into one Cypher statement; shape.ts reads that statement's answer back into the
 * objects the resolvers return. Response keys (aliases) are kept only here, never written
 * into Cypher: the statement's map keys are numbered.
 */
import type { Direction, Sort } from '../model/relationships.ts';

/** One selected field of an entity or edge object, under its response key. */
export interface Selected {
  key: string;
  value: Value;
  /**
   * Only for an entity of this label: an entity reached through an interface (an act's actor
   * or target) has the fields selected on each type it may be that differ between them.
   */
  only?: string;
}

export type Value =
  /** A property of the entity (`of: 'node'`) or of the relationship that led to it (`'rel'`). */
  | { kind: 'property'; of: 'node' | 'rel'; name: string; list: boolean }
  /** Entities whose ids a property lists, in id order; `chosen`: the one most sources state. */
  | { kind: 'byId'; of: 'node' | 'rel'; name: string; chosen: boolean; fields: Selected[] }
  /** The entity at the other end of the relationship (an edge's `at`) or the parent (`self`). */
  | { kind: 'end'; end: 'other' | 'parent'; fields: Selected[] }
  | { kind: 'step'; step: Step }
  /**
   * Organisation.acts, Person.acts, Event.acts: the step's ACTED relationships as Acts, of the
   * act the parameter `act` names (null: every act), each entity's ordered by act and target.
   */
  | { kind: 'acts'; step: Step; act: string | null }
  /**
   * Region.ancestors: the entities the relationship `type` leads to one after another (out),
   * at each the one most sources state, until none or one that came before; at most `max`.
   */
  | { kind: 'chain'; type: string; max: number; fields: Selected[] }
  /** An entity reached through an interface: which of `labels` it bears (its GraphQL type). */
  | { kind: 'type'; labels: string[] }
  /**
   * Organisation.partners, compiled from agreements/partners; `from`/`to` name the parameters
   * of its signing-date range (null: no bound).
   */
  | { kind: 'partners'; fields: Selected[]; from: string | null; to: string | null }
  /**
   * Organisation.holders: the organisation's roles (each with the properties graph/held.ts
   * reads), chosen in JavaScript by holdersOn on the day of the `asOf` parameter, of the
   * `title` parameter's title if any; `fields` are the Holding's (`basis` set by holdersOn).
   */
  | { kind: 'holders'; asOf: string; title: string | null; fields: Selected[] }
  /** A field of one of those partnerships: the partner, the shared agreements, a date. */
  | { kind: 'partnership'; part: Part; fields: Selected[] }
  /**
   * The stored claims of the entity (`of: 'node'`) or relationship (`'rel'`), then one per
   * entity each of `links` (an entity's single-valued links) reaches; `fields` are the
   * Claim's (its `sources` a byId over each claim's source ids).
   */
  | { kind: 'claims'; of: 'node' | 'rel'; links: ClaimLink[]; fields: Selected[] };

/** A single-valued link whose relationships are claims of `field` (src/model/claims.ts). */
export interface ClaimLink {
  field: string;
  type: string;
  direction: Direction;
}

/** The fields of a Partnership (schema/accord.graphql), each a column of agreements/partners. */
export type Part = 'partner' | 'agreements' | 'firstSignedOn' | 'lastSignedOn';

/** A relationship followed from the entity of the level above. */
export interface Step {
  type: string;
  /** `both`: each way, as one pattern without a direction (Organisation.sameAs). */
  direction: Direction | 'both';
  /** Only entities with this label at the other end. */
  label: string | null;
  order: Sort;
  /** `one`: the first only (null when none); `many`: entities; `edges`: edge objects. */
  shape: 'one' | 'many' | 'edges';
  /**
   * Only the roles held on a day (people/matching's rule): the date parameter named, or the
   * parent's `date` (an attendance's event; every role when it has no year).
   */
  heldOn: { parameter: string } | 'parent' | null;
  fields: Selected[];
}

/**
 * A list page from cypher/<area>/matching (filtered) or agreements/all (unfiltered);
 * `filters`: the filters set, `orderBy`: agreements' order. Both choose the statement
 * (compile.ts reads some shapes' page or count from an index alone).
 */
export interface ListRoot {
  kind: 'list';
  area: 'agreements' | 'organisations' | 'people';
  unfiltered: boolean;
  /** The filters set, and those not (null): the statement is folded by both (fold.ts). */
  filters: string[];
  unset: string[];
  orderBy: string | null;
}

/** Where a root field starts. */
export type Root =
  | { kind: 'lookup'; label: string }
  | ListRoot
  /**
   * Query.search's hits from cypher/search/names, all of one kind (`label`): each hit's fields,
   * its entity's and its `score` (of the hit, `of: 'rel'`).
   */
  | { kind: 'search'; label: string }
  /** A look-up by name (graph/entities-by-name): each entity of `label` bearing it. */
  | { kind: 'named'; label: string };

export interface Tree {
  root: Root;
  /** The entities' selected fields (a list: its nodes'); none when only totalCount is asked. */
  fields: Selected[];
  /** Whether a list's page is selected (nodes, edges or pageInfo). */
  page: boolean;
  /** Whether a list's totalCount is selected. */
  count: boolean;
}

/** A tree and the values of its statement's parameters. */
export interface Plan {
  tree: Tree;
  params: Record<string, unknown>;
}
