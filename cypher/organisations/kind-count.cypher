// How many organisations organisations(kind) finds: the entries of the kind index
// (migration 0006) counted, no property read and no sort.
MATCH (o:Organisation) WHERE o.kind = $kind
RETURN count(o) AS total
