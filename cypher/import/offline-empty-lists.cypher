// The empty lists of an offline import (src/import/offline/): neo4j-admin's CSV reads an empty
// cell as no property, so the nodes whose create path stores an empty list (aliases that were
// all the name) get it here, once the imported database runs.
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.props
