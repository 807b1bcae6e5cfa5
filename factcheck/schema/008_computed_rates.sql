-- Rates computed from a count and a population of the same place and period, where the catalogue
-- has a rate series ("homicide rate") beside its count ("homicide") and a population series, and
-- the publisher gave no rate of its own for that place and period. The check reads `figures_all`,
-- so a claim of "8.4 murders per 100,000" is checked against count / population x 100,000 and
-- the source names both files and the population used.

CREATE VIEW rate_recipes AS
SELECT r.metric AS rate_metric,
       min(ca.metric) AS count_metric,
       (SELECT min(metric) FROM metric_aliases WHERE alias = 'population') AS population_metric,
       100000.0 AS per
FROM metrics r
JOIN metric_aliases ra ON ra.metric = r.metric
JOIN metric_aliases ca ON ra.alias = ca.alias || ' rate' AND ca.metric <> r.metric
JOIN metrics c ON c.metric = ca.metric
WHERE lower(coalesce(r.unit, '')) IN ('per 100,000', 'per_100k', 'per 100k', 'per 100000', 'rate')
  AND lower(coalesce(c.unit, 'count')) IN ('count', 'number', '')
GROUP BY r.metric;

CREATE VIEW figures_all AS
SELECT id, metric, place, period_start, period_end, value, unit, source, source_url, as_of, notes,
       import_id
FROM figures
UNION ALL
SELECT NULL AS id, r.rate_metric AS metric, c.place, c.period_start, c.period_end,
       c.value * r.per / p.value AS value, 'per 100,000' AS unit,
       coalesce(c.source, c.metric) || ', computed per 100,000 of the population of '
           || coalesce(p.source, p.metric) || ' (' || CAST(round(p.value) AS BIGINT) || ')' AS source,
       c.source_url, greatest(c.as_of, p.as_of) AS as_of,
       'computed: ' || r.count_metric || ' / ' || r.population_metric || ' x 100,000' AS notes,
       NULL AS import_id
FROM rate_recipes r
JOIN figures c ON c.metric = r.count_metric
JOIN figures p ON p.metric = r.population_metric AND p.place = c.place
              AND p.period_start = c.period_start AND p.period_end = c.period_end
WHERE p.value > 0
  AND NOT EXISTS (SELECT 1 FROM figures x WHERE x.metric = r.rate_metric AND x.place = c.place
                  AND x.period_start = c.period_start AND x.period_end = c.period_end);
