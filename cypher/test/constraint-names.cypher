// Every constraint, so that a test can drop them all and migrate an empty database.
SHOW CONSTRAINTS YIELD name
RETURN name
