-- 010: the time phrase a change is measured against, as the extractor wrote it ("than last year",
-- "from the first half of 2025"): decided with the claim's other fields (claims/period.py
-- `change_base`), so the checker no longer reads the sentence for it. Claims stored before this
-- migration get theirs from the same rule, run on their sentence by `store._backfill_bases`
-- in the same transaction.
ALTER TABLE claims ADD COLUMN base VARCHAR;
