-- Accounts, their roles (several per account), sessions, password resets and invitations,
-- login attempts (for throttling).

CREATE TABLE users (
  id @ID@,
  email TEXT NOT NULL UNIQUE,  -- stored lowercase
  name TEXT NOT NULL,
  password_hash TEXT,          -- argon2id; NULL until an invited account sets its password
  active BIGINT NOT NULL DEFAULT 1,
  last_login_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE user_roles (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'territory_manager', 'org_admin', 'professional')),
  territory_id BIGINT REFERENCES territories (id),
  organisation_id BIGINT REFERENCES organisations (id),
  orientation BIGINT NOT NULL DEFAULT 0,
  referent BIGINT NOT NULL DEFAULT 0,
  active BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX user_roles_unique
  ON user_roles (user_id, role, COALESCE(territory_id, 0), COALESCE(organisation_id, 0));
CREATE INDEX user_roles_organisation ON user_roles (organisation_id, active);

CREATE TABLE sessions (
  id @ID@,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  acting_organisation_id BIGINT,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE password_tokens (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,  -- reset (30 minutes) or invitation (7 days)
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE TABLE login_attempts (
  id @ID@,
  at BIGINT NOT NULL,
  email TEXT NOT NULL,
  ip TEXT NOT NULL,
  success BIGINT NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);
