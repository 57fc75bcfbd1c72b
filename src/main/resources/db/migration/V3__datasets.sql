-- A person's own points when they are too many for a link (docs/api.md "Stored data sets"): the link
-- names the set's id and the server reads the points from here. The id is a hash of the points, so
-- the same set is stored once. A set lives until it has gone unused for a while (used_at), and the
-- store keeps at most a fixed number of them, the least recently used going first (JdbcStore).
CREATE TABLE datasets (
    id         VARCHAR(16)    PRIMARY KEY,
    points     VARCHAR(20000) NOT NULL,
    created_at BIGINT         NOT NULL,
    used_at    BIGINT         NOT NULL
);
CREATE INDEX datasets_used_at ON datasets (used_at);
