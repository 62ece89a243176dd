-- Partner API tokens: one row per token of an organisation. The secret is shown once at
-- creation and only its SHA-256 is kept (docs/decisions: a 256-bit random secret needs no slow
-- hash). A token acts through its own technical account (users row, never able to sign in:
-- inactive, no password), so that the journal and the access log name it as their actor like
-- any account: "Jeton API « Logiciel RSA » — CCAS de Sedan".
-- scopes: space-separated "resource:read" / "resource:write" (write includes read).
CREATE TABLE api_tokens (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  account_id BIGINT NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,              -- the first characters of the secret, to recognise it
  secret_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the whole secret, lowercase hex
  scopes TEXT NOT NULL,
  expires_at BIGINT,                 -- end of validity (Unix seconds), none: no expiry
  created_by BIGINT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT,
  revoked_by BIGINT REFERENCES users (id)
);
CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id, id);
CREATE UNIQUE INDEX api_tokens_account ON api_tokens (account_id);
