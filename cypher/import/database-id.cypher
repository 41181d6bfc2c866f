// The id of the database, fixed when it was created: a resume checkpoint names the database
// whose batches it counts, so that it is not applied to another one.
CALL db.info() YIELD id
RETURN id
