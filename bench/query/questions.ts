/**
 * The seven analyst questions, each as Accord asks it and as @neo4j/graphql's generated API asks
 * it, as equal as the two schemas allow, with a way to reduce both answers to the same
 * canonical form (so the benchmark can check that both servers give the same answer).
 */
import { Kind, parse, type SelectionSetNode } from 'graphql';

export interface Question {
  key: string;
  title: string;
  /** The named query (bench/cypher/) whose values the question is asked about; none: no argument. */
  pick?: string;
  /** The variable the picked values fill, and the pick's column of that name (default `id`). */
  variable?: string;
  accord: string;
  neo4jGraphql: string;
  /** The parts of both answers that must agree, sorted. */
  canonical: {
    accord(data: Answer): unknown;
    neo4jGraphql(data: Answer): unknown;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON, read field by field.
type Answer = any;

const sortStrings = (list: string[]) => [...list].sort();
/** Sorted without repeats: the peer reaches one partner once per shared agreement. */
const uniqueSorted = (list: string[]) => [...new Set(list)].sort();

export const QUESTIONS: readonly Question[] = [
  {
    key: 'agreement',
    title: 'an agreement by id with parties, signatories, event and attendees',
    pick: 'pick-agreements',
    accord: `query Agreement($id: ID!) {
  agreement(id: $id) {
    id name signedOn
    parties { order organisation { id name } }
    signatories { person { id name } onBehalfOfAll { id } }
    event { id name date attendees { order person { id name } } }
  }
}`,
    neo4jGraphql: `query Agreement($id: ID!) {
  agreements(where: { id: { eq: $id } }) {
    id name signedOn
    partiesConnection { edges { properties { order } node { id name } } }
    signatoriesConnection { edges { properties { onBehalfOf } node { id name } } }
    event { id name date attendeesConnection { edges { properties { order } node { id name } } } }
  }
}`,
    canonical: {
      accord: (d) => {
        const a = d.agreement;
        return {
          id: a.id,
          parties: sortStrings(a.parties.map((p: Answer) => `${p.order}:${p.organisation.id}`)),
          signatories: sortStrings(
            a.signatories.map(
              (s: Answer) =>
                `${s.person.id}@${sortStrings(s.onBehalfOfAll.map((o: Answer) => o.id))}`,
            ),
          ),
          event: a.event?.id ?? null,
          attendees: sortStrings(
            (a.event?.attendees ?? []).map((x: Answer) => `${x.order}:${x.person.id}`),
          ),
        };
      },
      neo4jGraphql: (d) => {
        const a = d.agreements[0];
        return {
          id: a.id,
          parties: sortStrings(
            a.partiesConnection.edges.map((e: Answer) => `${e.properties.order}:${e.node.id}`),
          ),
          signatories: sortStrings(
            a.signatoriesConnection.edges.map(
              (e: Answer) => `${e.node.id}@${sortStrings(e.properties.onBehalfOf ?? [])}`,
            ),
          ),
          event: a.event?.id ?? null,
          attendees: sortStrings(
            (a.event?.attendeesConnection.edges ?? []).map(
              (e: Answer) => `${e.properties.order}:${e.node.id}`,
            ),
          ),
        };
      },
    },
  },
  {
    key: 'partners',
    title: "an organisation's partners and the agreements with each",
    pick: 'pick-organisations-with-agreements',
    accord: `query Partners($id: ID!) {
  organisation(id: $id) {
    id name
    partners { partner { id name } agreements { id name signedOn } firstSignedOn lastSignedOn }
  }
}`,
    // No partners field: the organisation's agreements and, in each, the other parties.
    neo4jGraphql: `query Partners($id: ID!) {
  organisations(where: { id: { eq: $id } }) {
    id name
    agreements { id name signedOn parties(where: { NOT: { id: { eq: $id } } }) { id name } }
  }
}`,
    canonical: {
      accord: (d) =>
        sortStrings(
          d.organisation.partners.flatMap((p: Answer) =>
            p.agreements.map((a: Answer) => `${p.partner.id}/${a.id}`),
          ),
        ),
      neo4jGraphql: (d) =>
        sortStrings(
          d.organisations[0].agreements.flatMap((a: Answer) =>
            a.parties.map((p: Answer) => `${p.id}/${a.id}`),
          ),
        ),
    },
  },
  {
    key: 'people',
    title: "an organisation's people and roles",
    pick: 'pick-organisations-with-roles',
    accord: `query People($id: ID!) {
  organisation(id: $id) {
    id name
    roles { id title titleEn since until person { id name } }
  }
}`,
    neo4jGraphql: `query People($id: ID!) {
  organisations(where: { id: { eq: $id } }) {
    id name
    roles { id title titleEn since until person { id name } }
  }
}`,
    canonical: {
      accord: (d) => sortStrings(d.organisation.roles.map((r: Answer) => `${r.id}:${r.person.id}`)),
      neo4jGraphql: (d) =>
        sortStrings(d.organisations[0].roles.map((r: Answer) => `${r.id}:${r.person.id}`)),
    },
  },
  {
    key: 'list',
    title: '100 agreements by title, with parties and their regions (three levels)',
    accord: `query List {
  agreements(first: 100, orderBy: NAME) {
    nodes { id name signedOn parties { organisation { id name region { id name } } } }
  }
}`,
    neo4jGraphql: `query List {
  agreements(limit: 100, sort: [{ name: ASC }, { id: ASC }]) {
    id name signedOn parties { id name region { id name } }
  }
}`,
    canonical: {
      accord: (d) =>
        d.agreements.nodes.map(
          (a: Answer) =>
            `${a.id}:${sortStrings(a.parties.map((p: Answer) => `${p.organisation.id}@${p.organisation.region?.id}`))}`,
        ),
      neo4jGraphql: (d) =>
        d.agreements.map(
          (a: Answer) =>
            `${a.id}:${sortStrings(a.parties.map((p: Answer) => `${p.id}@${p.region?.id}`))}`,
        ),
    },
  },
  {
    key: 'count',
    title: 'the number of agreements of an organisation',
    pick: 'pick-organisations-with-agreements',
    accord: `query Count($id: String!) {
  agreements(party: $id) { totalCount }
}`,
    neo4jGraphql: `query Count($id: ID!) {
  organisations(where: { id: { eq: $id } }) { id agreementsConnection { totalCount } }
}`,
    canonical: {
      accord: (d) => d.agreements.totalCount,
      neo4jGraphql: (d) => d.organisations[0].agreementsConnection.totalCount,
    },
  },
  {
    key: 'search',
    title: "a name search, then each hit organisation's agreements and partners",
    pick: 'pick-search-texts',
    variable: 'text',
    // Accord's full-text search (names, English names, aliases, pinyin; relevance order).
    accord: `query Search($text: String!) {
  search(text: $text, kinds: [ORGANISATION], first: 50) {
    entity {
      ... on Organisation {
        id name
        agreements { id name signedOn }
        partners { partner { id name } agreements { id } }
      }
    }
  }
}`,
    // The closest the generated API offers: `contains` on the name, planned as a scan of every
    // organisation (its @fulltext would need an index of its own: Accord's spans every kind and
    // holds aliases and pinyin search terms).
    // No partners field: each agreement's parties, the hit itself among them.
    neo4jGraphql: `query Search($text: String!) {
  organisations(where: { name: { contains: $text } }, limit: 50, sort: [{ id: ASC }]) {
    id name
    agreements { id name signedOn parties { id name } }
  }
}`,
    canonical: {
      accord: (d) =>
        uniqueSorted(
          d.search.flatMap(({ entity: o }: Answer) => [
            o.id,
            ...o.agreements.map((a: Answer) => `${o.id}>${a.id}`),
            ...o.partners.flatMap((p: Answer) =>
              p.agreements.map((a: Answer) => `${o.id}/${p.partner.id}/${a.id}`),
            ),
          ]),
        ),
      neo4jGraphql: (d) =>
        uniqueSorted(
          d.organisations.flatMap((o: Answer) => [
            o.id,
            ...o.agreements.map((a: Answer) => `${o.id}>${a.id}`),
            ...o.agreements.flatMap((a: Answer) =>
              a.parties
                .filter((p: Answer) => p.id !== o.id)
                .map((p: Answer) => `${o.id}/${p.id}/${a.id}`),
            ),
          ]),
        ),
    },
  },
  {
    key: 'partners2',
    title: "an organisation's partners and their partners, with signing dates (two hops)",
    pick: 'pick-organisations-with-agreements',
    accord: `query PartnersOfPartners($id: ID!) {
  organisation(id: $id) {
    id name
    partners {
      partner {
        id name
        partners { partner { id name } agreements { id signedOn } }
      }
      agreements { id signedOn }
    }
  }
}`,
    // Agreements and their other parties, twice; the second hop cannot leave out the partner
    // itself (its id is no variable), so the reduction does.
    neo4jGraphql: `query PartnersOfPartners($id: ID!) {
  organisations(where: { id: { eq: $id } }) {
    id name
    agreements {
      id signedOn
      parties(where: { NOT: { id: { eq: $id } } }) {
        id name
        agreements { id signedOn parties { id name } }
      }
    }
  }
}`,
    canonical: {
      accord: (d) =>
        uniqueSorted(
          d.organisation.partners.flatMap(({ partner, agreements }: Answer) => [
            ...agreements.map((a: Answer) => `${partner.id}/${a.id}@${a.signedOn}`),
            ...partner.partners.flatMap((p: Answer) =>
              p.agreements.map(
                (a: Answer) => `${partner.id}/${p.partner.id}/${a.id}@${a.signedOn}`,
              ),
            ),
          ]),
        ),
      neo4jGraphql: (d) =>
        uniqueSorted(
          d.organisations[0].agreements.flatMap((a: Answer) =>
            a.parties.flatMap((partner: Answer) => [
              `${partner.id}/${a.id}@${a.signedOn}`,
              ...partner.agreements.flatMap((b: Answer) =>
                b.parties
                  .filter((p: Answer) => p.id !== partner.id)
                  .map((p: Answer) => `${partner.id}/${p.id}/${b.id}@${b.signedOn}`),
              ),
            ]),
          ),
        ),
    },
  },
];

/** How deeply a query nests object fields below its root field (a scalar-only root is 1). */
export function nestingDepth(query: string): number {
  const depthOf = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD && selection.selectionSet) {
        deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet));
      }
    }
    return deepest;
  };
  const document = parse(query);
  let deepest = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      deepest = Math.max(deepest, depthOf(definition.selectionSet));
    }
  }
  return deepest;
}
