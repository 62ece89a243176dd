-- The partner change feed, webhooks and exports.
--
-- Feed positions. A partner follows the feed with `after=POSITION` and must never miss nor
-- repeat an event, so the positions must become visible in increasing order. On SQLite writes are
-- serialised: the journal's seq is that order, and the position of an event is its seq. On
-- PostgreSQL a transaction holding seq 10 can commit after another one holding seq 11 is already
-- visible: a reader following seq would skip 10. So each event also gets a position at COMMIT
-- time, in commit order: a deferred trigger takes a transaction-level advisory lock (held only
-- from that moment to the end of the commit, so writers never wait on each other's work, only on
-- each other's commits) and numbers the transaction's events from a sequence. A transaction
-- becomes visible before it releases its locks, so any visible position has every smaller one
-- visible too, or rolled back for good (see docs/decisions/0007-change-feed-and-webhooks.md).
-- postgres-only
CREATE TABLE journal_feed (
  position BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL
);
CREATE SEQUENCE journal_feed_position;
INSERT INTO journal_feed (position, seq) SELECT seq, seq FROM journal;
SELECT setval('journal_feed_position', COALESCE((SELECT max(seq) FROM journal), 0) + 1, false);
CREATE FUNCTION journal_feed_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(4242160001);
  INSERT INTO journal_feed (position, seq) VALUES (nextval('journal_feed_position'), NEW.seq);
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_feed_number AFTER INSERT ON journal
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_feed_number();
-- end

-- The feed's visibility filter, checked for each event of the page in journal order: the
-- person's journeys (index journeys_person of 0005), then whether the organisation has an
-- active member in one of their teams.
CREATE INDEX journey_members_team ON journey_members (journey_id, organisation_id)
  WHERE left_at IS NULL;

-- Webhook subscriptions of a partner token: each event the token may see (optionally only some
-- types) is POSTed to `url`, signed with `secret`, in feed order; `cursor` is the feed position
-- delivered up to. After repeated failures the subscription is disabled.
CREATE TABLE webhook_subscriptions (
  id @ID@,
  token_id BIGINT NOT NULL,            -- the partner token (api feature)
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  url TEXT NOT NULL,
  secret TEXT NOT NULL,                -- HMAC-SHA256 key, shown once at creation
  event_types TEXT NOT NULL DEFAULT '',  -- space-separated types or prefixes ("note."); '' = all
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active',  -- active, disabled
  cursor BIGINT NOT NULL DEFAULT 0,
  failures BIGINT NOT NULL DEFAULT 0,  -- consecutive failed attempts
  failing_since BIGINT,
  next_attempt_at BIGINT NOT NULL DEFAULT 0,
  lease_owner TEXT,                    -- the dispatcher delivering now (several servers)
  lease_until BIGINT,
  disabled_at BIGINT,
  disabled_reason TEXT,
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX webhook_subscriptions_token ON webhook_subscriptions (token_id);
CREATE INDEX webhook_subscriptions_organisation ON webhook_subscriptions (organisation_id);
CREATE INDEX webhook_subscriptions_due ON webhook_subscriptions (status, next_attempt_at);

-- Every attempt to deliver an event: the delivery log.
CREATE TABLE webhook_deliveries (
  id @ID@,
  subscription_id BIGINT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  event_type TEXT NOT NULL,
  attempt BIGINT NOT NULL,             -- 1 for the first attempt at this event
  status_code BIGINT,                  -- HTTP status received; NULL when no answer
  error TEXT NOT NULL DEFAULT '',
  duration_ms BIGINT NOT NULL DEFAULT 0,
  succeeded BIGINT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id);
