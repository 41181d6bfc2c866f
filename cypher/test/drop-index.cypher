// The name is a parameter: schema commands take one.
DROP INDEX $name IF EXISTS
