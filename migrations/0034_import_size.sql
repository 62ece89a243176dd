-- The size of an import's file, recorded with its hash: a file whose size no import recorded
-- cannot hold the bytes of one, and its hash is then computed by the validation as it reads the
-- file instead of in a pass of its own before anything else (0.2 s for 100,000 households).
ALTER TABLE caf_imports ADD COLUMN file_size BIGINT;
