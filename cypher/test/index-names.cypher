// Every index a migration created (not a constraint's own index, not the built-in token lookups).
SHOW INDEXES YIELD name, type, owningConstraint
WHERE type <> 'LOOKUP' AND owningConstraint IS NULL
RETURN name
