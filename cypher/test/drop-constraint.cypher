// The name is a parameter: schema commands take one.
DROP CONSTRAINT $name IF EXISTS
