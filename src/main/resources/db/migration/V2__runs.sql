-- A student's run as it met the goal, when its weights are too many for a link (docs/api.md "runUrl"):
-- the link names the run's id and the server reads the numbers from here. A run goes with its board.
CREATE TABLE runs (
    id         VARCHAR(16)      PRIMARY KEY,
    board_id   VARCHAR(16)      NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    weights    VARCHAR(1048576) NOT NULL,
    created_at BIGINT           NOT NULL
);
CREATE INDEX runs_board_id ON runs (board_id);
