-- 004: each story's latest version, and how many versions it has. Nine queries asked this with
-- the same inline CTE; one view keeps the rule ("latest" = highest version number) in one place.
CREATE VIEW story_latest AS
SELECT story_id, arg_max(id, version) AS version_id, count(*) AS versions
FROM story_versions
GROUP BY story_id;
