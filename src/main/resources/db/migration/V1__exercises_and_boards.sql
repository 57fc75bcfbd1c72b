-- Exercises, class boards and their students' rows (docs/api.md "Class boards"). The same SQL runs on
-- H2 and PostgreSQL: times are epoch milliseconds (BIGINT), so no time zone differs between them.
CREATE TABLE exercises (
    id         VARCHAR(16)     PRIMARY KEY,
    state      VARCHAR(262144) NOT NULL,
    task       VARCHAR(8000)   NOT NULL,
    title      VARCHAR(800)    NOT NULL,
    created_at BIGINT          NOT NULL
);

CREATE TABLE boards (
    id          VARCHAR(16) PRIMARY KEY,
    exercise_id VARCHAR(16) NOT NULL REFERENCES exercises (id),
    key_hash    VARCHAR(64) NOT NULL,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL
);
CREATE INDEX boards_expires_at ON boards (expires_at);

-- One row per nickname on a board; name_key is the nickname folded for "unique, case-insensitive".
-- version grows with every change, so a board's watchers read only the rows that moved.
CREATE TABLE students (
    board_id        VARCHAR(16)     NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    name_key        VARCHAR(128)    NOT NULL,
    name            VARCHAR(128)    NOT NULL,
    joined_at       BIGINT          NOT NULL,
    left_at         BIGINT,
    seen_at         BIGINT          NOT NULL,
    epoch           BIGINT          NOT NULL,
    metric          VARCHAR(40),
    best            DOUBLE PRECISION,
    state           VARCHAR(262144) NOT NULL,
    thumbnail       VARCHAR(1024),
    reached_epoch   BIGINT,
    reached_seconds DOUBLE PRECISION,
    reached_state   VARCHAR(262144),
    reached_weights VARCHAR(1048576),
    version         BIGINT          NOT NULL,
    PRIMARY KEY (board_id, name_key)
);
