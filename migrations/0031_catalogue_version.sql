-- A version of the catalogue's zone index (service_zones), bumped by the database itself on
-- every write of it, whoever writes (the server, an import in another process): a search at a
-- commune keeps each zone's rows in memory while the version stays the same
-- (features/search/zone_rows.h) instead of reading thousands of index rows for every search
-- ("france" and a département hold most of them). The version starts from a random number so
-- that two databases opened by one process (the tests open many) never share one.
CREATE TABLE catalogue_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
-- sqlite-only
INSERT INTO catalogue_version (id, version) VALUES (1, random() & 4611686018427387903);
CREATE TRIGGER service_zones_inserted_catalogue_version AFTER INSERT ON service_zones
BEGIN
  UPDATE catalogue_version SET version = version + 1;
END;
CREATE TRIGGER service_zones_updated_catalogue_version AFTER UPDATE ON service_zones
BEGIN
  UPDATE catalogue_version SET version = version + 1;
END;
CREATE TRIGGER service_zones_deleted_catalogue_version AFTER DELETE ON service_zones
BEGIN
  UPDATE catalogue_version SET version = version + 1;
END;
-- end
-- postgres-only
INSERT INTO catalogue_version (id, version)
VALUES (1, floor(random() * 4611686018427387903)::bigint);
-- One bump per statement: the index is written by multi-row statements, and one row updated per
-- written row would leave as many dead versions of it in the transaction.
CREATE FUNCTION catalogue_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalogue_version SET version = version + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER service_zones_catalogue_version
AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_zones
FOR EACH STATEMENT EXECUTE FUNCTION catalogue_version_bump();
-- end
