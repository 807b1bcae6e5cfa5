-- 003: "the month before" / "a month earlier" shift a record-resolved period (the latest month
-- on record) back by months, as shift_years does by years.
ALTER TABLE claim_specs ADD COLUMN shift_months INTEGER DEFAULT 0;
