-- CAF flux import (src/features/caf): a household whose bytes are those already applied is
-- known unchanged before it is parsed. raw_digest is the digest of its bytes in the file; its
-- commune and département are kept to tell, without the bytes, that it still belongs to the
-- territory it was applied to. Rows written before have none: they are compared as before.
ALTER TABLE caf_households ADD COLUMN raw_digest TEXT;
ALTER TABLE caf_households ADD COLUMN commune TEXT;
ALTER TABLE caf_households ADD COLUMN departement TEXT;
