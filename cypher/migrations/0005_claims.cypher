// Claims (src/model/claims.ts): a graph written before them gets, without a re-import, what an
// import now writes. Each stored scalar becomes a claim of every source of its node or
// relationship (they all stated it: the previous release kept one value per field); a
// signatory's onBehalfOf becomes a list, and the two SIGNED relationships the previous release
// wrote for a person signing for two parties become one. Each statement skips what it already
// did, so a re-run changes nothing; IN TRANSACTIONS keeps a large graph's transactions small.
//
// The scalar fields of every kind (src/model/kinds.ts PROPERTIES, as of this migration), and
// each date of a role's statedOn (a list since migration 0004): a claim per date and source.
MATCH (n:Entity) WHERE n.claims IS NULL
CALL (n) {
  WITH n, [f IN ['name', 'nameEn', 'url', 'publisher', 'publishedOn', 'language', 'kind',
      'title', 'titleEn', 'since', 'until', 'rank', 'description', 'date',
      'signedOn', 'summary'] WHERE n[f] IS NOT NULL | [f, toString(n[f])]]
    + [d IN coalesce(n.statedOn, []) | ['statedOn', d]] AS values
  WITH n, COLLECT {
    UNWIND values AS v
    UNWIND coalesce(n.sources, []) AS s
    RETURN v[0] + '|' + v[1] + '|' + s AS claim ORDER BY claim
  } AS claims
  SET n.claims = CASE WHEN size(claims) = 0 THEN null ELSE claims END
} IN TRANSACTIONS OF 10000 ROWS;

// A party's or an attendee's position in the source's list.
MATCH ()-[r:PARTY_TO|ATTENDED]->() WHERE r.claims IS NULL AND r.order IS NOT NULL
CALL (r) {
  SET r.claims = COLLECT {
    UNWIND coalesce(r.sources, []) AS s
    RETURN 'order|' + toString(r.order) + '|' + s AS claim ORDER BY claim
  }
} IN TRANSACTIONS OF 10000 ROWS;

// The party a signatory signed for, as a one-item list with its sources' claims.
MATCH ()-[r:SIGNED]->() WHERE valueType(r.onBehalfOf) STARTS WITH 'STRING'
CALL (r) {
  SET r.claims = COLLECT {
    UNWIND coalesce(r.sources, []) AS s
    RETURN 'onBehalfOf|' + r.onBehalfOf + '|' + s AS claim ORDER BY claim
  }
  SET r.onBehalfOf = [r.onBehalfOf]
} IN TRANSACTIONS OF 10000 ROWS;

// One SIGNED per person and agreement: the others' parties, sources and claims united into
// the one that stays.
MATCH (p:Person)-[s:SIGNED]->(a:Agreement)
WITH p, a, collect(s) AS signed WHERE size(signed) > 1
CALL (signed) {
  WITH head(signed) AS keep, tail(signed) AS rest, signed
  SET keep.onBehalfOf = COLLECT {
    UNWIND signed AS s UNWIND coalesce(s.onBehalfOf, []) AS o RETURN DISTINCT o ORDER BY o
  }
  SET keep.claims = COLLECT {
    UNWIND signed AS s UNWIND coalesce(s.claims, []) AS c RETURN DISTINCT c ORDER BY c
  }
  SET keep.sources = reduce(all = [], s IN signed |
    all + [x IN coalesce(s.sources, []) WHERE NOT x IN all])
  WITH rest
  UNWIND rest AS r
  DELETE r
} IN TRANSACTIONS OF 1000 ROWS;
