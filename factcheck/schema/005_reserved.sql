-- 005: reserved for another branch's migration; this placeholder keeps the numbering without gaps
-- on the issue-11 branch. When merging, delete this file and keep the other branch's 005.
SELECT 1;
