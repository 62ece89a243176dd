-- A version of each organisation's list of members, bumped by the database itself whenever a
-- role in the organisation or an account of one of its members changes: the members page keeps
-- the rendered list in memory for as long as the version stays the same (every server of a
-- cluster sees the same version, whoever wrote).
ALTER TABLE organisations ADD COLUMN members_version BIGINT NOT NULL DEFAULT 0;

-- sqlite-only
CREATE TRIGGER user_roles_inserted_members_version AFTER INSERT ON user_roles
WHEN NEW.organisation_id IS NOT NULL
BEGIN
  UPDATE organisations SET members_version = members_version + 1 WHERE id = NEW.organisation_id;
END;
CREATE TRIGGER user_roles_updated_members_version AFTER UPDATE ON user_roles
BEGIN
  UPDATE organisations SET members_version = members_version + 1
  WHERE id IN (OLD.organisation_id, NEW.organisation_id);
END;
CREATE TRIGGER user_roles_deleted_members_version AFTER DELETE ON user_roles
WHEN OLD.organisation_id IS NOT NULL
BEGIN
  UPDATE organisations SET members_version = members_version + 1 WHERE id = OLD.organisation_id;
END;
CREATE TRIGGER users_updated_members_version AFTER UPDATE OF email, name, active, password_hash
ON users
BEGIN
  UPDATE organisations SET members_version = members_version + 1
  WHERE id IN (SELECT organisation_id FROM user_roles WHERE user_id = NEW.id);
END;
-- end
-- postgres-only
CREATE FUNCTION user_roles_members_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE organisations SET members_version = members_version + 1
    WHERE id = OLD.organisation_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE organisations SET members_version = members_version + 1
    WHERE id = NEW.organisation_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER user_roles_members_version AFTER INSERT OR UPDATE OR DELETE ON user_roles
FOR EACH ROW EXECUTE FUNCTION user_roles_members_version();
CREATE FUNCTION users_members_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organisations SET members_version = members_version + 1
  WHERE id IN (SELECT organisation_id FROM user_roles WHERE user_id = NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER users_members_version AFTER UPDATE OF email, name, active, password_hash ON users
FOR EACH ROW EXECUTE FUNCTION users_members_version();
-- end
