-- Ganxun schema, part 15: the current coverage figures (R4-R7) of every active cadre, materialized per reference day
-- so that population-wide reports (the dashboard, the coverage lists and summaries) read 50,000 rows instead of
-- aggregating every enrollment of five years per request. Recomputed by one INSERT ... SELECT when older than
-- ganxun.coverage.figures-max-age (cn.ganxun.coverage.CoverageCurrent); one cadre's own light is always computed live.

-- When the figures of a reference day were computed; the row is also the lock that serializes recomputations.
CREATE TABLE coverage_current_state (
    as_of               DATE         NOT NULL PRIMARY KEY,  -- R4: the window is (as_of - 5 years, as_of]
    computed_at         TIMESTAMP    NOT NULL
);

-- R5-R7: each active cadre's figures at as_of; number, name, unit, rank and category copied as they were then.
CREATE TABLE coverage_current (
    as_of               DATE         NOT NULL,
    cadre_id            BIGINT       NOT NULL,
    cadre_number        VARCHAR(32)  NOT NULL,
    name                VARCHAR(100) NOT NULL,
    unit_id             BIGINT       NOT NULL,
    rank_level          VARCHAR(32)  NOT NULL,
    category            VARCHAR(40)  NOT NULL,
    light               VARCHAR(8)   NOT NULL,
    party_hours         DECIMAL(9,1) NOT NULL,
    total_hours         DECIMAL(9,1) NOT NULL,
    required_hours      INT          NOT NULL,
    participated        INT          NOT NULL,              -- R7: 1 when the cadre took part in a class of the window
    passed              INT          NOT NULL,              -- R7: 1 when all of it was completed and none graded FAIL
    CONSTRAINT pk_coverage_current PRIMARY KEY (as_of, cadre_id),
    CONSTRAINT fk_coverage_current_day FOREIGN KEY (as_of) REFERENCES coverage_current_state (as_of),
    CONSTRAINT ck_coverage_current_light CHECK (light IN ('RED', 'YELLOW', 'GREEN'))
);
CREATE INDEX ix_coverage_current_unit ON coverage_current (as_of, unit_id, light);
CREATE INDEX ix_coverage_current_light ON coverage_current (as_of, light, unit_id);
