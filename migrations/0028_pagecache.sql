-- A version of the display names of accounts, organisations and territories, bumped by the
-- database itself whenever one of them is renamed: the carnet de bord of a person's page names
-- them in its sentences and is kept in memory while the person's journal and this version stay
-- the same (every server of a cluster sees the same version, whoever wrote).
CREATE TABLE names_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO names_version (id, version) VALUES (1, 0);

-- sqlite-only
CREATE TRIGGER users_renamed_names_version AFTER UPDATE OF name ON users
WHEN OLD.name IS NOT NEW.name
BEGIN
  UPDATE names_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER organisations_renamed_names_version AFTER UPDATE OF name ON organisations
WHEN OLD.name IS NOT NEW.name
BEGIN
  UPDATE names_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER territories_renamed_names_version AFTER UPDATE OF name ON territories
WHEN OLD.name IS NOT NEW.name
BEGIN
  UPDATE names_version SET version = version + 1 WHERE id = 1;
END;
-- end
-- postgres-only
CREATE FUNCTION bump_names_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE names_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER users_renamed_names_version AFTER UPDATE OF name ON users
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER organisations_renamed_names_version AFTER UPDATE OF name ON organisations
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION bump_names_version();
CREATE TRIGGER territories_renamed_names_version AFTER UPDATE OF name ON territories
FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION bump_names_version();
-- end
