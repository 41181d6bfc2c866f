// People holding a role in an organisation and/or with a title (in the source's words or in
// English), the role held on $asOf when given: what the sources support, never an open end.
// Without filters: everyone. By name: one page of them, and how many there are in all.
//
// Where it starts (the candidate roles): an organisation's roles, a title's from the role
// title indexes (migration 0006), asOf alone's from the roles with a date on or before the
// day's end (the role date indexes, migration 0007): finding them reads neither every person
// nor every role (the page's walk below can read many names; see there). Each
// candidate is held to the role rule below, the one place that says which role counts, and
// its holders are collected once (`held`): their number is the count, and the page is read
// from them.
CALL () {
  WITH 1 AS go WHERE $organisation IS NOT NULL
  MATCH (:Entity:Organisation {id: $organisation})<-[:AT]-(r:Role)
  RETURN r
  UNION
  WITH 1 AS go WHERE $organisation IS NULL AND $titles IS NOT NULL
  // $titles: the stored forms of the title asked for (people/titles.cypher).
  MATCH (r:Role) WHERE r.title IN $titles OR r.titleEn IN $titles
  RETURN r
  UNION
  WITH $asOf + substring('-12-31', size($asOf) - 4) AS asOfEnd
  WHERE $organisation IS NULL AND $titles IS NULL AND $asOf IS NOT NULL
  // A role held on the day has some date on or before its end (the rule's start, or a stated
  // date): since, until, or statedOn's first date (the list is sorted, and a list whose first
  // item is at most asOfEnd sorts before [asOfEnd + '~']). A superset: the rule below decides.
  MATCH (r:Role)
  WHERE r.since <= asOfEnd OR r.until <= asOfEnd OR r.statedOn < [asOfEnd + '~']
  RETURN r
}
// The role rule: title and asOf, read from the role, in a subquery of its own so that only the
// roles that pass are followed to their organisation (Neo4j would otherwise test that first).
CALL (r) {
  WITH r
  WHERE ($titles IS NULL OR r.title IN $titles OR r.titleEn IN $titles)
    // asOf: src/graph/held.ts's rule. A partial date stands for its span: X + the tail of
    // '-12-31' is a bound after every day X covers; yearless dates (--MM-DD) count for nothing.
    AND ($asOf IS NULL OR EXISTS {
      WITH r, [d IN coalesce(r.statedOn, []) WHERE NOT d STARTS WITH '--'] AS stated,
        $asOf + substring('-12-31', size($asOf) - 4) AS asOfEnd
      // Bounds without a year bound nothing (src/graph/held.ts drops them too).
      WITH stated, asOfEnd,
        CASE WHEN NOT r.since STARTS WITH '--' THEN r.since END AS since,
        CASE WHEN NOT r.until STARTS WITH '--' THEN r.until END AS until
      WITH stated, asOfEnd, coalesce(since, head(stated), until) AS start,
        coalesce(until, last(stated), since) AS end
      WHERE any(d IN stated WHERE d <= asOfEnd AND d + substring('-12-31', size(d) - 4) >= $asOf)
        OR (start <= asOfEnd AND end + substring('-12-31', size(end) - 4) >= $asOf)
    })
  RETURN true AS held
}
WITH r
WHERE EXISTS { MATCH (r)-[:AT]->(o:Organisation) WHERE $organisation IS NULL OR o.id = $organisation }
MATCH (p:Person)-[:HOLDS]->(r)
WITH collect(DISTINCT p) AS held
WITH held, $organisation IS NULL AND $titles IS NULL AND $asOf IS NULL AS everyone
// The page in the list's order (name, then id; no name last). Few held: sorted whole. Many
// held, or everyone: read along the Person name index (migration 0009) from the first name
// (names are strings: `>= ''` seeks them all, in order), each person tested against `held`,
// and Neo4j stops after $skip + $limit (a PartialTop sorts ties in name by id) instead of
// sorting every match. "Many": when walking the index to the page's end (some
// ($skip + $limit) * people / held entries) reads fewer than sorting held would, if those
// found are spread through the name order. Not always so: when they all sort late (Chinese
// names after many Latin ones that the filter leaves out), the walk reads every name before
// them (bench/README.md, the people filters' section).
WITH held, everyone,
  // (In floats: a cursor's offset times a large graph's people would overflow an integer.)
  everyone OR toFloat(size(held)) * size(held) >= toFloat($skip + $limit) * COUNT { (:Person) }
    AS walk
CALL (held, everyone, walk) {
  CALL (held, everyone, walk) {
    WITH held WHERE NOT walk
    UNWIND held AS p
    RETURN p
    UNION ALL
    // (Each guarded read is a subquery of its own, so that Neo4j tests the guard first.)
    WITH held, everyone WHERE walk
    CALL (held, everyone) {
      MATCH (p:Person) WHERE p.name >= '' AND (everyone OR p IN held)
      WITH p ORDER BY p.name, p.id LIMIT $skip + $limit
      RETURN collect(p) AS named
    }
    // People without a name (not in that index) sort last: read only when the page reaches
    // past the named ones and there are others (everyone's counted from the count store, and
    // read from the label).
    CALL (held, everyone, named) {
      WITH held, everyone WHERE size(named) < $skip + $limit
        AND size(named) < CASE WHEN everyone THEN COUNT { (:Person) } ELSE size(held) END
      CALL (held, everyone) {
        WITH everyone WHERE everyone
        CALL () {
          MATCH (p:Person) WHERE p.name IS NULL
          RETURN p
        }
        RETURN p
        UNION ALL
        UNWIND held AS p
        WITH p WHERE p.name IS NULL
        RETURN p
      }
      WITH p ORDER BY p.id LIMIT $skip + $limit
      RETURN collect(p) AS nameless
    }
    UNWIND named + nameless AS p
    RETURN p
  }
  WITH p ORDER BY p.name, p.id SKIP $skip LIMIT $limit
  RETURN collect(p) AS found
}
WITH CASE WHEN everyone THEN COUNT { (:Person) } ELSE size(held) END AS total, found
RETURN total,
  [p IN found | {labels: labels(p), props: p {.*, nameKeys: null, searchTerms: null}}] AS page
