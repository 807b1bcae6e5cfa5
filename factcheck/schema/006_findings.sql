-- 006: the story's own arithmetic (factcheck/arithmetic.py). One row per finding of a story
-- version; one row in arithmetic_runs per version checked, so a version with no finding is known
-- to have been checked (and versions stored before this migration can be checked later).
CREATE SEQUENCE finding_ids START 1;
CREATE TABLE findings (
    id INTEGER PRIMARY KEY DEFAULT nextval('finding_ids'),
    story_id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,         -- order in the text (of the finding's first claim)
    kind VARCHAR NOT NULL,        -- percent_change, difference, share, parts_total, restated, rate, scale
    claims STRUCT("text" VARCHAR, "start" INTEGER, "end" INTEGER)[] NOT NULL,
    stated DOUBLE NOT NULL,
    computed DOUBLE NOT NULL,
    explanation VARCHAR NOT NULL,
    rule VARCHAR NOT NULL,
    UNIQUE (version_id, seq)
);
CREATE INDEX findings_version ON findings (version_id);

CREATE TABLE arithmetic_runs (
    version_id INTEGER PRIMARY KEY,
    story_id INTEGER NOT NULL,
    findings INTEGER NOT NULL,
    checked_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
