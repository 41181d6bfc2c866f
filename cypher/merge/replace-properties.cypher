MATCH (keep:Entity {id: $keep})
SET keep = $props
RETURN keep.id AS id
