-- "The other 49 states", "the rest of the country": the nation less one state, computed for
-- counts (a homicide count, a population) where the nation and the state both have a row for the
-- same metric, period and release. The place is named "United States less <State>"; the source
-- names both rows. Its rates are then computed like any place's (migration 008): the rest's
-- count over the rest's population.

CREATE VIEW figures_rest AS
SELECT NULL AS id, n.metric, 'United States less ' || s.place AS place, n.period_start,
       n.period_end, n.value - s.value AS value, n.unit,
       coalesce(n.source, n.metric) || ', the United States (' || CAST(round(n.value) AS BIGINT)
           || ') less ' || s.place || ' (' || CAST(round(s.value) AS BIGINT) || ')' AS source,
       n.source_url, greatest(n.as_of, s.as_of) AS as_of,
       'computed: United States less ' || s.place AS notes,
       NULL AS import_id
FROM figures n
JOIN figures s ON s.metric = n.metric AND s.period_start = n.period_start
              AND s.period_end = n.period_end AND s.as_of = n.as_of
JOIN metrics m ON m.metric = n.metric
WHERE n.place = 'United States' AND s.place <> n.place
  AND s.place NOT LIKE '%,%'  -- a state ("Ohio"), not a county or city ("Dane County, Wis.")
  AND lower(coalesce(m.unit, 'count')) IN ('count', 'number', '');

CREATE VIEW figures_base AS
SELECT id, metric, place, period_start, period_end, value, unit, source, source_url, as_of, notes,
       import_id
FROM figures
UNION ALL
SELECT * FROM figures_rest;

CREATE OR REPLACE VIEW figures_all AS
SELECT * FROM figures_base
UNION ALL
SELECT NULL AS id, r.rate_metric AS metric, c.place, c.period_start, c.period_end,
       c.value * r.per / p.value AS value, 'per 100,000' AS unit,
       coalesce(c.source, c.metric) || ', computed per 100,000 of the population of '
           || coalesce(p.source, p.metric) || ' (' || CAST(round(p.value) AS BIGINT) || ')' AS source,
       c.source_url, greatest(c.as_of, p.as_of) AS as_of,
       'computed: ' || r.count_metric || ' / ' || r.population_metric || ' x 100,000' AS notes,
       NULL AS import_id
FROM rate_recipes r
JOIN figures_base c ON c.metric = r.count_metric
JOIN figures_base p ON p.metric = r.population_metric AND p.place = c.place
              AND p.period_start = c.period_start AND p.period_end = c.period_end
WHERE p.value > 0
  AND NOT EXISTS (SELECT 1 FROM figures x WHERE x.metric = r.rate_metric AND x.place = c.place
                  AND x.period_start = c.period_start AND x.period_end = c.period_end);
