// people(asOf) alone starts from the roles that could be held on the day instead of reading
// every person (people/matching.cypher): a role held on a day has a date on or before the
// day's end among since, until and statedOn (src/graph/held.ts), and these range indexes seek
// each. statedOn is a sorted list (migration 0004), which a range index orders as a whole, by
// its first date.
CREATE RANGE INDEX role_since IF NOT EXISTS FOR (n:Role) ON (n.since);
CREATE RANGE INDEX role_until IF NOT EXISTS FOR (n:Role) ON (n.until);
CREATE RANGE INDEX role_stated_on IF NOT EXISTS FOR (n:Role) ON (n.statedOn);
