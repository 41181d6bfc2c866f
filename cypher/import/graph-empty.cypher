// Whether the database holds no entity: only then does an import build the search and list
// indexes after its data rather than keep them up to date row by row (src/import/pipeline.ts).
RETURN NOT EXISTS { MATCH (:Entity) } AS empty
