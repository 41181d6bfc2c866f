// The entities whose name or one of whose aliases is exactly the given text.
MATCH (n:Entity)
WHERE n.name = $name OR $name IN coalesce(n.aliases, [])
RETURN n.id AS id, n.name AS name, [l IN labels(n) WHERE l <> 'Entity'] AS kinds, n.focus AS focus
ORDER BY id
