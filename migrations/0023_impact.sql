-- "What works, for whom" (src/features/impact): a projection of the journal. One fact row per
-- journey (its profile at entry and its first positive outcome), the kinds of action it had, and
-- counters per entry month, action and profile stratum, kept up to date event by event; the page
-- sums counters, it never rescans journeys. `parcours stats rebuild` empties and replays them.
CREATE TABLE impact_journeys (
  journey_id BIGINT PRIMARY KEY,
  territory_id BIGINT NOT NULL,
  entered_on TEXT NOT NULL,          -- YYYY-MM-DD (Paris), the journey's opening
  age_band TEXT NOT NULL DEFAULT '', -- moins_26, 26_44, 45_plus, '' unknown
  route TEXT NOT NULL DEFAULT '',    -- pro, socio_pro, social ('' not oriented yet)
  obstacles TEXT NOT NULL DEFAULT '', -- space-separated major obstacles of the latest diagnostic
  time_since_job TEXT NOT NULL DEFAULT '', -- the diagnostic's duree_sans_emploi
  positive_on TEXT                   -- first job, training or business start (YYYY-MM-DD)
);

CREATE TABLE impact_journey_actions (
  journey_id BIGINT NOT NULL,
  action TEXT NOT NULL,              -- "type:atelier", "thematique:mobilite"
  PRIMARY KEY (journey_id, action)
);

-- n journeys that entered in `entry_month`, in the stratum (dimension, value), that had `action`
-- ('*': all of them, with or without); pos6 / pos12 of them reached a positive outcome within
-- 6 / 12 months of entry.
CREATE TABLE impact_counters (
  territory_id BIGINT NOT NULL,
  entry_month TEXT NOT NULL,
  action TEXT NOT NULL,
  dimension TEXT NOT NULL,
  value TEXT NOT NULL,
  n BIGINT NOT NULL,
  pos6 BIGINT NOT NULL,
  pos12 BIGINT NOT NULL,
  -- The page reads one dimension of a territory, grouped by action and value: a prefix.
  PRIMARY KEY (territory_id, dimension, action, value, entry_month)
);

