-- 001: the whole first schema. No foreign keys: DuckDB refuses updates to a parent row that has
-- children, and feeds and stories are updated on every poll. The store keeps the links itself.

CREATE SEQUENCE feed_ids START 1;
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY DEFAULT nextval('feed_ids'),
    url VARCHAR NOT NULL UNIQUE,
    station VARCHAR NOT NULL,
    place VARCHAR NOT NULL,
    etag VARCHAR,
    last_modified VARCHAR,
    last_status VARCHAR,          -- new, updated, unchanged, not-modified, error
    last_error VARCHAR,
    last_polled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE thread_ids START 1;
CREATE TABLE threads (
    id INTEGER PRIMARY KEY DEFAULT nextval('thread_ids'),
    title VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE story_ids START 1;
CREATE TABLE stories (
    id INTEGER PRIMARY KEY DEFAULT nextval('story_ids'),
    feed_id INTEGER NOT NULL,
    guid VARCHAR NOT NULL,
    url VARCHAR,
    title VARCHAR NOT NULL,
    author VARCHAR,
    published TIMESTAMP,
    first_seen TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    thread_id INTEGER,
    UNIQUE (feed_id, guid)
);

CREATE SEQUENCE version_ids START 1;
CREATE TABLE story_versions (
    id INTEGER PRIMARY KEY DEFAULT nextval('version_ids'),
    story_id INTEGER NOT NULL,
    version INTEGER NOT NULL,     -- 1, 2, ... per story
    title VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    fetched_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (story_id, version)
);

CREATE SEQUENCE claim_ids START 1;
CREATE TABLE claims (
    id INTEGER PRIMARY KEY DEFAULT nextval('claim_ids'),
    story_id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,         -- order in the text
    text VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    low DOUBLE NOT NULL,
    high DOUBLE NOT NULL,
    unit VARCHAR NOT NULL,
    qualifier VARCHAR NOT NULL,
    subject VARCHAR,
    change VARCHAR NOT NULL,
    direction VARCHAR,
    period VARCHAR,
    speaker VARCHAR,
    hedge VARCHAR,
    place VARCHAR,
    UNIQUE (version_id, seq)
);

CREATE TABLE metrics (
    metric VARCHAR PRIMARY KEY,
    label VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    aliases VARCHAR NOT NULL DEFAULT ''   -- as imported: ';'-separated
);

CREATE TABLE metric_aliases (
    alias VARCHAR NOT NULL,                -- lower-case lemma or phrase
    metric VARCHAR NOT NULL,
    PRIMARY KEY (alias, metric)
);

CREATE TABLE place_aliases (
    alias VARCHAR PRIMARY KEY,             -- lower-case ("birmingham, ala.")
    place VARCHAR NOT NULL
);

CREATE SEQUENCE import_ids START 1;
CREATE TABLE figure_imports (
    id INTEGER PRIMARY KEY DEFAULT nextval('import_ids'),
    source_name VARCHAR NOT NULL,
    rows INTEGER NOT NULL,
    imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE figure_ids START 1;
CREATE TABLE figures (
    id BIGINT PRIMARY KEY DEFAULT nextval('figure_ids'),
    metric VARCHAR NOT NULL,
    place VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    value DOUBLE NOT NULL,
    unit VARCHAR,
    source VARCHAR,
    source_url VARCHAR,
    as_of DATE NOT NULL,          -- the vintage: a revision is a new row with a later as_of
    notes VARCHAR,
    import_id INTEGER,
    UNIQUE (metric, place, period_start, period_end, as_of)
);

CREATE SEQUENCE figure_edit_ids START 1;
CREATE TABLE figure_edits (
    id INTEGER PRIMARY KEY DEFAULT nextval('figure_edit_ids'),
    figure_id BIGINT NOT NULL,
    field VARCHAR NOT NULL,
    old_value VARCHAR,
    new_value VARCHAR,
    editor VARCHAR,
    note VARCHAR,
    edited_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- The current check of each claim, once "as aired" and once "as of now".
CREATE TABLE checks (
    claim_id INTEGER NOT NULL,
    mode VARCHAR NOT NULL,        -- aired, now
    verdict VARCHAR NOT NULL,
    metric VARCHAR,
    place VARCHAR,
    official DOUBLE,
    period_start DATE,
    period_end DATE,
    compare_start DATE,
    compare_end DATE,
    error_pct DOUBLE,
    source VARCHAR,
    source_url VARCHAR,
    as_of DATE,
    explanation VARCHAR NOT NULL,
    reason VARCHAR,
    overridden BOOLEAN NOT NULL DEFAULT false,
    checked_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (claim_id, mode)
);

CREATE SEQUENCE check_change_ids START 1;
CREATE TABLE check_history (
    id INTEGER PRIMARY KEY DEFAULT nextval('check_change_ids'),
    claim_id INTEGER NOT NULL,
    mode VARCHAR NOT NULL,
    old_verdict VARCHAR,
    new_verdict VARCHAR NOT NULL,
    old_official DOUBLE,
    new_official DOUBLE,
    reason VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE override_ids START 1;
CREATE TABLE overrides (
    id INTEGER PRIMARY KEY DEFAULT nextval('override_ids'),
    claim_id INTEGER NOT NULL,
    metric VARCHAR,
    place VARCHAR,
    period_start DATE,
    period_end DATE,
    verdict VARCHAR,
    note VARCHAR,
    author VARCHAR,
    active BOOLEAN NOT NULL DEFAULT true,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE note_ids START 1;
CREATE TABLE notes (
    id INTEGER PRIMARY KEY DEFAULT nextval('note_ids'),
    story_id INTEGER,
    claim_id INTEGER,
    body VARCHAR NOT NULL,
    author VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE poll_ids START 1;
CREATE TABLE polls (
    id INTEGER PRIMARY KEY DEFAULT nextval('poll_ids'),
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL,
    feeds INTEGER NOT NULL,
    new_stories INTEGER NOT NULL,
    updated_stories INTEGER NOT NULL,
    errors INTEGER NOT NULL
);

CREATE INDEX stories_published ON stories (published);
CREATE INDEX versions_story ON story_versions (story_id);
CREATE INDEX claims_story ON claims (story_id);
CREATE INDEX claims_version ON claims (version_id);
CREATE INDEX figures_series ON figures (metric, place);
