-- 007: the editors' desk. Threads across stations with scored links and hand decisions, story
-- status with its audit trail, stored alerts, and the article-page re-fetch schedule.

-- A hand-renamed thread keeps its title when the automatic grouping runs again.
ALTER TABLE threads ADD COLUMN title_by_hand BOOLEAN DEFAULT false;

-- The link that put each story in its thread: the earlier story it continues (or tells again,
-- for another station), with the score and the reason. Rewritten by every grouping run.
CREATE TABLE thread_links (
    story_id INTEGER PRIMARY KEY,
    linked_to INTEGER NOT NULL,
    score DOUBLE NOT NULL,
    reason VARCHAR NOT NULL
);

-- Hand decisions pin stories to a thread; the automatic grouping never moves a pinned story,
-- never merges two threads that hold pins of different threads, and never deletes a thread
-- that has pins. Each decision is kept for the audit trail.
CREATE SEQUENCE thread_decision_ids START 1;
CREATE TABLE thread_decisions (
    id INTEGER PRIMARY KEY DEFAULT nextval('thread_decision_ids'),
    action VARCHAR NOT NULL,          -- link, unlink, merge, split, rename
    thread_id INTEGER,
    story_ids INTEGER[],
    title VARCHAR,
    editor VARCHAR,
    note VARCHAR,
    decided_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE story_pins (
    story_id INTEGER PRIMARY KEY,
    thread_id INTEGER NOT NULL,
    decision_id INTEGER NOT NULL
);

-- Story status (new, checking, verified, needs_correction, aired): every change is a row; the
-- current status is the latest row, and a story with none is new.
CREATE SEQUENCE status_change_ids START 1;
CREATE TABLE story_status_changes (
    id INTEGER PRIMARY KEY DEFAULT nextval('status_change_ids'),
    story_id INTEGER NOT NULL,
    old_status VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    editor VARCHAR,
    note VARCHAR,
    changed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE INDEX status_changes_story ON story_status_changes (story_id);
CREATE VIEW story_status AS
SELECT story_id, arg_max(status, id) AS status, arg_max(editor, id) AS editor,
       arg_max(note, id) AS note, max(changed_at) AS changed_at
FROM story_status_changes
GROUP BY story_id;

-- Alerts: one row per thing an editor should look at, found once (its `key` says what it is
-- about, so finding it again adds nothing), with what to do.
CREATE SEQUENCE alert_ids START 1;
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY DEFAULT nextval('alert_ids'),
    key VARCHAR NOT NULL UNIQUE,
    kind VARCHAR NOT NULL,
    story_id INTEGER,
    claim_id INTEGER,
    created TIMESTAMP NOT NULL,       -- when the thing happened (the change, the story)
    found_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    severity VARCHAR NOT NULL DEFAULT 'normal',   -- high, normal
    message VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    handled_at TIMESTAMP,
    handled_by VARCHAR,
    handled_note VARCHAR
);

-- The article-page re-fetch schedule: when each story's page was last read, and a hash of what
-- it said (typography ignored), so a change made on the page, not in the feed, is seen.
CREATE TABLE page_fetches (
    story_id INTEGER PRIMARY KEY,
    last_fetched_at TIMESTAMP NOT NULL,
    page_hash VARCHAR,
    fetches INTEGER NOT NULL DEFAULT 0,
    last_error VARCHAR
);
-- Versions that came from a re-fetched article page rather than from the feed.
CREATE TABLE page_versions (
    version_id INTEGER PRIMARY KEY,
    url VARCHAR
);
