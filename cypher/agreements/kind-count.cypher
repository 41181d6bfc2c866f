// How many agreements agreements(kind) finds: the entries of the kind index (migration 0006)
// counted, no property read and no sort.
MATCH (a:Agreement) WHERE a.kind = $kind
RETURN count(a) AS total
