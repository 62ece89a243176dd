-- A version of each professional's agenda, bumped by the database itself whenever one of their
-- appointments is booked, changed or deleted (the job's to_update included), or a person they
-- have an appointment with is renamed: the week agenda is kept in memory, by professional and
-- week, while the version stays the same (every server of a cluster sees the same version,
-- whoever wrote).
ALTER TABLE users ADD COLUMN agenda_version BIGINT NOT NULL DEFAULT 0;

-- A version of each journey's plan d'actions, bumped by the database itself whenever the plan,
-- one of its goals, actions or points d'étape is written or deleted, or a structure of the
-- catalogue that one of its actions names is renamed (a service moved to another structure
-- too): the plan section of the journey page is kept in memory while this version, the display
-- names version (accounts: carriers and responsibles, migration 0028) and today's date stay the
-- same.
ALTER TABLE journeys ADD COLUMN plan_version BIGINT NOT NULL DEFAULT 0;

-- sqlite-only
CREATE TRIGGER appointments_inserted_agenda_version AFTER INSERT ON appointments
BEGIN
  UPDATE users SET agenda_version = agenda_version + 1 WHERE id = NEW.professional_id;
END;
CREATE TRIGGER appointments_updated_agenda_version AFTER UPDATE ON appointments
BEGIN
  UPDATE users SET agenda_version = agenda_version + 1
  WHERE id IN (OLD.professional_id, NEW.professional_id);
END;
CREATE TRIGGER appointments_deleted_agenda_version AFTER DELETE ON appointments
BEGIN
  UPDATE users SET agenda_version = agenda_version + 1 WHERE id = OLD.professional_id;
END;
CREATE TRIGGER persons_renamed_agenda_version
AFTER UPDATE OF first_names, usage_name, birth_name ON persons
WHEN OLD.first_names IS NOT NEW.first_names OR OLD.usage_name IS NOT NEW.usage_name
  OR OLD.birth_name IS NOT NEW.birth_name
BEGIN
  UPDATE users SET agenda_version = agenda_version + 1
  WHERE id IN (SELECT professional_id FROM appointments WHERE person_id = NEW.id);
END;
CREATE TRIGGER plans_inserted_plan_version AFTER INSERT ON plans
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id = NEW.journey_id;
END;
CREATE TRIGGER plans_updated_plan_version AFTER UPDATE ON plans
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id IN (OLD.journey_id, NEW.journey_id);
END;
CREATE TRIGGER plans_deleted_plan_version AFTER DELETE ON plans
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id = OLD.journey_id;
END;
CREATE TRIGGER plan_goals_inserted_plan_version AFTER INSERT ON plan_goals
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id = NEW.journey_id;
END;
CREATE TRIGGER plan_goals_updated_plan_version AFTER UPDATE ON plan_goals
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id IN (OLD.journey_id, NEW.journey_id);
END;
CREATE TRIGGER plan_goals_deleted_plan_version AFTER DELETE ON plan_goals
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id = OLD.journey_id;
END;
CREATE TRIGGER plan_actions_inserted_plan_version AFTER INSERT ON plan_actions
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id = NEW.journey_id;
END;
CREATE TRIGGER plan_actions_updated_plan_version AFTER UPDATE ON plan_actions
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id IN (OLD.journey_id, NEW.journey_id);
END;
CREATE TRIGGER plan_actions_deleted_plan_version AFTER DELETE ON plan_actions
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id = OLD.journey_id;
END;
CREATE TRIGGER plan_reviews_inserted_plan_version AFTER INSERT ON plan_reviews
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id = NEW.journey_id;
END;
CREATE TRIGGER plan_reviews_updated_plan_version AFTER UPDATE ON plan_reviews
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id IN (OLD.journey_id, NEW.journey_id);
END;
CREATE TRIGGER plan_reviews_deleted_plan_version AFTER DELETE ON plan_reviews
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id = OLD.journey_id;
END;
CREATE TRIGGER structures_renamed_plan_version AFTER UPDATE OF nom ON structures
WHEN OLD.nom IS NOT NEW.nom
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id IN (
    SELECT a.journey_id FROM plan_actions a JOIN services s ON s.id = a.service_id
    WHERE s.structure_id = NEW.id);
END;
CREATE TRIGGER services_moved_plan_version AFTER UPDATE OF structure_id ON services
WHEN OLD.structure_id IS NOT NEW.structure_id
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id IN (
    SELECT journey_id FROM plan_actions WHERE service_id = NEW.id);
END;
-- end
-- postgres-only
CREATE FUNCTION appointments_agenda_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE users SET agenda_version = agenda_version + 1 WHERE id = OLD.professional_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.professional_id <> OLD.professional_id) THEN
    UPDATE users SET agenda_version = agenda_version + 1 WHERE id = NEW.professional_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER appointments_agenda_version AFTER INSERT OR UPDATE OR DELETE ON appointments
FOR EACH ROW EXECUTE FUNCTION appointments_agenda_version();
CREATE FUNCTION persons_renamed_agenda_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET agenda_version = agenda_version + 1
  WHERE id IN (SELECT professional_id FROM appointments WHERE person_id = NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER persons_renamed_agenda_version
AFTER UPDATE OF first_names, usage_name, birth_name ON persons
FOR EACH ROW WHEN (OLD.first_names IS DISTINCT FROM NEW.first_names
  OR OLD.usage_name IS DISTINCT FROM NEW.usage_name
  OR OLD.birth_name IS DISTINCT FROM NEW.birth_name)
EXECUTE FUNCTION persons_renamed_agenda_version();
CREATE FUNCTION plan_rows_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE journeys SET plan_version = plan_version + 1 WHERE id = OLD.journey_id;
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.journey_id <> OLD.journey_id) THEN
    UPDATE journeys SET plan_version = plan_version + 1 WHERE id = NEW.journey_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER plans_plan_version AFTER INSERT OR UPDATE OR DELETE ON plans
FOR EACH ROW EXECUTE FUNCTION plan_rows_plan_version();
CREATE TRIGGER plan_goals_plan_version AFTER INSERT OR UPDATE OR DELETE ON plan_goals
FOR EACH ROW EXECUTE FUNCTION plan_rows_plan_version();
CREATE TRIGGER plan_actions_plan_version AFTER INSERT OR UPDATE OR DELETE ON plan_actions
FOR EACH ROW EXECUTE FUNCTION plan_rows_plan_version();
CREATE TRIGGER plan_reviews_plan_version AFTER INSERT OR UPDATE OR DELETE ON plan_reviews
FOR EACH ROW EXECUTE FUNCTION plan_rows_plan_version();
CREATE FUNCTION structures_renamed_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id IN (
    SELECT a.journey_id FROM plan_actions a JOIN services s ON s.id = a.service_id
    WHERE s.structure_id = NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER structures_renamed_plan_version AFTER UPDATE OF nom ON structures
FOR EACH ROW WHEN (OLD.nom IS DISTINCT FROM NEW.nom)
EXECUTE FUNCTION structures_renamed_plan_version();
CREATE FUNCTION services_moved_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE journeys SET plan_version = plan_version + 1 WHERE id IN (
    SELECT journey_id FROM plan_actions WHERE service_id = NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER services_moved_plan_version AFTER UPDATE OF structure_id ON services
FOR EACH ROW WHEN (OLD.structure_id IS DISTINCT FROM NEW.structure_id)
EXECUTE FUNCTION services_moved_plan_version();
-- end
