-- 005: every import is a release on record, and a metric says what its publisher counts.
-- figure_imports becomes the release record (the table already links each figure row to its
-- import); `releases` is the name the code and the app read it by.
ALTER TABLE figure_imports ADD COLUMN file_name VARCHAR;
ALTER TABLE figure_imports ADD COLUMN format VARCHAR;
ALTER TABLE figure_imports ADD COLUMN source VARCHAR;
ALTER TABLE figure_imports ADD COLUMN sha256 VARCHAR;     -- of the file's bytes: the same file twice is one release
ALTER TABLE figure_imports ADD COLUMN as_of DATE;         -- the publisher's release date
ALTER TABLE figure_imports ADD COLUMN as_of_from VARCHAR; -- file, option, rows, import date
ALTER TABLE figure_imports ADD COLUMN file_rows INTEGER;  -- figure rows the file holds (rows: how many were new)
ALTER TABLE metrics ADD COLUMN definition VARCHAR;        -- what the publisher counts

CREATE VIEW releases AS
SELECT id, source, file_name, format, sha256, file_rows, rows AS new_rows, as_of, as_of_from,
       imported_at
FROM figure_imports;
