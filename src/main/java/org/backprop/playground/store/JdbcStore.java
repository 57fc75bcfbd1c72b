package org.backprop.playground.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * {@link BoardStore} over JDBC: H2's file database by default, PostgreSQL when {@code DATABASE_URL}
 * is set; one schema for both (src/main/resources/db/migration), migrated by Flyway at open.
 * A join takes the board's row {@code FOR UPDATE}, so two servers joining the same board at once
 * still respect its cap. SQL failures surface as {@link StoreException}.
 */
public final class JdbcStore implements BoardStore {
    private final HikariDataSource pool;
    private final Ids ids = new Ids();

    private JdbcStore(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the database at {@code url}, migrating its schema to this version's. */
    public static JdbcStore open(DatabaseUrl url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        config.setMaximumPoolSize(url.postgres() ? 8 : 4);
        config.setPoolName("store");
        config.setConnectionTimeout(5_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcStore(pool);
    }

    static void migrate(DataSource source) {
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** The pool, for a watcher that needs a connection of its own (LISTEN). */
    DataSource dataSource() {
        return pool;
    }

    @Override
    public Exercise createExercise(String state, String task, String title, Instant now) {
        Exercise e = new Exercise(ids.newId(), state, task, title, now);
        try (Connection c = pool.getConnection()) {
            insertExercise(c, e);
            return e;
        } catch (SQLException ex) {
            throw new StoreException("could not store an exercise", ex);
        }
    }

    private static void insertExercise(Connection c, Exercise e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO exercises (id, state, task, title, created_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, e.id());
            s.setString(2, e.state());
            s.setString(3, e.task());
            s.setString(4, e.title());
            s.setLong(5, e.createdAt().toEpochMilli());
            s.executeUpdate();
        }
    }

    @Override
    public Optional<Exercise> exercise(String id) {
        if (!Ids.wellFormed(id)) return Optional.empty();
        try (Connection c = pool.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT id, state, task, title, created_at FROM exercises WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(exercise(r, 1)) : Optional.empty();
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read an exercise", ex);
        }
    }

    private static Exercise exercise(ResultSet r, int at) throws SQLException {
        return new Exercise(
                r.getString(at),
                r.getString(at + 1),
                r.getString(at + 2),
                r.getString(at + 3),
                Instant.ofEpochMilli(r.getLong(at + 4)));
    }

    @Override
    public NewBoard createBoard(String state, String task, String title, Instant now, Instant expiresAt) {
        Exercise e = new Exercise(ids.newId(), state, task, title, now);
        String key = ids.newKey();
        Board b = new Board(ids.newId(), e, Ids.hash(key), now, expiresAt);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertExercise(c, e);
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO boards (id, exercise_id, key_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                    s.setString(1, b.id());
                    s.setString(2, e.id());
                    s.setString(3, b.keyHash());
                    s.setLong(4, now.toEpochMilli());
                    s.setLong(5, expiresAt.toEpochMilli());
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            }
            return new NewBoard(b, key);
        } catch (SQLException ex) {
            throw new StoreException("could not store a board", ex);
        }
    }

    @Override
    public Optional<Board> board(String id, Instant now) {
        if (!Ids.wellFormed(id)) return Optional.empty();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT b.id, b.key_hash, b.created_at, b.expires_at,"
                        + " e.id, e.state, e.task, e.title, e.created_at FROM boards b JOIN exercises e ON e.id = b.exercise_id"
                        + " WHERE b.id = ? AND b.expires_at > ?")) {
            s.setString(1, id);
            s.setLong(2, now.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Optional.empty();
                return Optional.of(new Board(
                        r.getString(1),
                        exercise(r, 5),
                        r.getString(2),
                        Instant.ofEpochMilli(r.getLong(3)),
                        Instant.ofEpochMilli(r.getLong(4))));
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read a board", ex);
        }
    }

    @Override
    public boolean deleteBoard(String id) {
        if (!Ids.wellFormed(id)) return false;
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM boards WHERE id = ?")) {
            s.setString(1, id);
            return s.executeUpdate() > 0;
        } catch (SQLException ex) {
            throw new StoreException("could not delete a board", ex);
        }
    }

    @Override
    public Join join(String boardId, String name, String state, int cap, Instant now, Duration heldFor) {
        String key = Nicknames.key(name);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Join result = join(c, boardId, name, key, state, cap, now, heldFor);
                c.commit();
                return result;
            } catch (SQLException ex) {
                c.rollback();
                throw ex;
            }
        } catch (SQLException ex) {
            throw new StoreException("could not join a board", ex);
        }
    }

    private static Join join(
            Connection c, String boardId, String name, String key, String state, int cap, Instant now, Duration heldFor)
            throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT id FROM boards WHERE id = ? AND expires_at > ? FOR UPDATE")) {
            s.setString(1, boardId);
            s.setLong(2, now.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Join.BOARD_NOT_FOUND;
            }
        }
        try (PreparedStatement s =
                c.prepareStatement("SELECT left_at, seen_at FROM students WHERE board_id = ? AND name_key = ?")) {
            s.setString(1, boardId);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    r.getLong(1);
                    boolean left = !r.wasNull();
                    boolean online = !left && r.getLong(2) + heldFor.toMillis() > now.toEpochMilli();
                    if (online) return Join.NAME_TAKEN;
                    try (PreparedStatement u =
                            c.prepareStatement("UPDATE students SET name = ?, left_at = NULL, seen_at = ?, state = ?,"
                                    + " version = version + 1 WHERE board_id = ? AND name_key = ?")) {
                        u.setString(1, name);
                        u.setLong(2, now.toEpochMilli());
                        u.setString(3, state);
                        u.setString(4, boardId);
                        u.setString(5, key);
                        u.executeUpdate();
                    }
                    return Join.REJOINED;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM students WHERE board_id = ?")) {
            s.setString(1, boardId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) >= cap) return Join.BOARD_FULL;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO students (board_id, name_key, name, joined_at, seen_at, epoch, state, version)"
                        + " VALUES (?, ?, ?, ?, ?, 0, ?, 1)")) {
            s.setString(1, boardId);
            s.setString(2, key);
            s.setString(3, name);
            s.setLong(4, now.toEpochMilli());
            s.setLong(5, now.toEpochMilli());
            s.setString(6, state);
            s.executeUpdate();
        }
        return Join.JOINED;
    }

    @Override
    public void report(String boardId, String nameKey, Progress p, Instant now) {
        Reached r = p.reached();
        // the first reach is the one a board shows: later ones leave it as it was
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE students SET seen_at = ?, epoch = ?, metric = ?, best = ?, state = ?, thumbnail = ?,"
                                + " reached_seconds = CASE WHEN reached_epoch IS NULL THEN ? ELSE reached_seconds END,"
                                + " reached_state = CASE WHEN reached_epoch IS NULL THEN ? ELSE reached_state END,"
                                + " reached_weights = CASE WHEN reached_epoch IS NULL THEN ? ELSE reached_weights END,"
                                + " reached_epoch = COALESCE(reached_epoch, ?), version = version + 1"
                                + " WHERE board_id = ? AND name_key = ?")) {
            s.setLong(1, now.toEpochMilli());
            s.setLong(2, p.epoch());
            s.setString(3, p.metric());
            setDouble(s, 4, p.best());
            s.setString(5, p.state());
            s.setString(6, p.thumbnail());
            setDouble(s, 7, r == null ? null : r.seconds());
            s.setString(8, r == null ? null : r.state());
            s.setString(9, r == null ? null : Weights.write(r.weights()));
            if (r == null) s.setNull(10, Types.BIGINT);
            else s.setLong(10, r.epoch());
            s.setString(11, boardId);
            s.setString(12, nameKey);
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("could not record a student's progress", ex);
        }
    }

    private static void setDouble(PreparedStatement s, int at, Double v) throws SQLException {
        if (v == null || !Double.isFinite(v)) s.setNull(at, Types.DOUBLE);
        else s.setDouble(at, v);
    }

    @Override
    public void leave(String boardId, String nameKey, Instant now) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE students SET left_at = ?, version = version + 1"
                        + " WHERE board_id = ? AND name_key = ? AND left_at IS NULL")) {
            s.setLong(1, now.toEpochMilli());
            s.setString(2, boardId);
            s.setString(3, nameKey);
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("could not record a student leaving", ex);
        }
    }

    @Override
    public List<StudentRow> students(String boardId) {
        try (Connection c = pool.getConnection();
                PreparedStatement s =
                        c.prepareStatement(SELECT_ROWS + " WHERE board_id = ? ORDER BY joined_at, name_key")) {
            s.setString(1, boardId);
            List<StudentRow> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) rows.add(row(r));
            }
            return rows;
        } catch (SQLException ex) {
            throw new StoreException("could not read a board's students", ex);
        }
    }

    @Override
    public Optional<StudentRow> student(String boardId, String nameKey) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(SELECT_ROWS + " WHERE board_id = ? AND name_key = ?")) {
            s.setString(1, boardId);
            s.setString(2, nameKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read a student's row", ex);
        }
    }

    /** A row's columns in the order {@link #row} reads them. */
    private static final String SELECT_ROWS =
            "SELECT name, name_key, joined_at, left_at, seen_at, epoch, metric, best, state, thumbnail,"
                    + " reached_epoch, reached_seconds, reached_state, reached_weights, version FROM students";

    private static StudentRow row(ResultSet r) throws SQLException {
        long left = r.getLong(4);
        Instant leftAt = r.wasNull() ? null : Instant.ofEpochMilli(left);
        double best = r.getDouble(8);
        Double bestOrNull = r.wasNull() ? null : best;
        long reachedEpoch = r.getLong(11);
        Reached reached = null;
        if (!r.wasNull()) {
            reached = new Reached(reachedEpoch, r.getDouble(12), r.getString(13), Weights.read(r.getString(14)));
        }
        Progress p = new Progress(r.getLong(6), r.getString(7), bestOrNull, r.getString(9), r.getString(10), reached);
        return new StudentRow(
                r.getString(1),
                r.getString(2),
                Instant.ofEpochMilli(r.getLong(3)),
                leftAt,
                Instant.ofEpochMilli(r.getLong(5)),
                p,
                r.getLong(15));
    }

    @Override
    public Map<String, Long> versions(String boardId) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT name_key, version FROM students WHERE board_id = ?")) {
            s.setString(1, boardId);
            Map<String, Long> out = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.put(r.getString(1), r.getLong(2));
            }
            return out;
        } catch (SQLException ex) {
            throw new StoreException("could not read a board's versions", ex);
        }
    }

    @Override
    public String createRun(String boardId, String weights, Instant now) {
        String id = ids.newId();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO runs (id, board_id, weights, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, boardId);
            s.setString(3, weights);
            s.setLong(4, now.toEpochMilli());
            s.executeUpdate();
            return id;
        } catch (SQLException ex) {
            throw new StoreException("could not store a run", ex);
        }
    }

    @Override
    public Optional<String> runWeights(String id) {
        if (!Ids.wellFormed(id)) return Optional.empty();
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT weights FROM runs WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        } catch (SQLException ex) {
            throw new StoreException("could not read a run", ex);
        }
    }

    /** Inserts between two trims to {@link #MAX_DATASETS}: the cap holds to within this many rows. */
    static final int TRIM_EVERY = 16;

    private final java.util.concurrent.atomic.AtomicInteger insertsSinceTrim =
            new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public String storeDataset(String points, Instant now) {
        if (points.length() > MAX_DATASET_CHARS) {
            throw new IllegalArgumentException("a stored set has at most " + MAX_DATASET_CHARS + " characters");
        }
        String id = datasetId(points);
        try (Connection c = pool.getConnection()) {
            if (touch(c, id, now, now) == 0) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO datasets (id, points, created_at, used_at) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, id);
                    s.setString(2, points);
                    s.setLong(3, now.toEpochMilli());
                    s.setLong(4, now.toEpochMilli());
                    s.executeUpdate();
                } catch (SQLException ex) {
                    // another server (or thread) stored the same set just now: it is there
                    if (!"23505".equals(ex.getSQLState())) throw ex;
                }
                if (insertsSinceTrim.incrementAndGet() >= TRIM_EVERY) {
                    insertsSinceTrim.set(0);
                    trim(c, MAX_DATASETS);
                }
            }
            return id;
        } catch (SQLException ex) {
            throw new StoreException("could not store a data set", ex);
        }
    }

    /** 12 URL-safe characters of the points' SHA-256 (72 bits): one id per set, short in a link. */
    static String datasetId(String points) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(points.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(hash)
                    .substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Marks a set used now (at most once a minute per set, so reads seldom write); the rows it found. */
    private static int touch(Connection c, String id, Instant now, Instant before) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("UPDATE datasets SET used_at = ? WHERE id = ? AND used_at <= ?")) {
            s.setLong(1, now.toEpochMilli());
            s.setString(2, id);
            s.setLong(3, before.toEpochMilli());
            if (s.executeUpdate() > 0) return 1;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM datasets WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? 1 : 0;
            }
        }
    }

    @Override
    public Optional<String> datasetPoints(String id, Instant now) {
        if (!Ids.wellFormed(id)) return Optional.empty();
        try (Connection c = pool.getConnection()) {
            Optional<String> points;
            try (PreparedStatement s = c.prepareStatement("SELECT points FROM datasets WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    points = r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
            if (points.isPresent()) touch(c, id, now, now.minusSeconds(60));
            return points;
        } catch (SQLException ex) {
            throw new StoreException("could not read a data set", ex);
        }
    }

    @Override
    public int sweepDatasets(Instant unusedSince, int keep) {
        try (Connection c = pool.getConnection()) {
            int n;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM datasets WHERE used_at < ?")) {
                s.setLong(1, unusedSince.toEpochMilli());
                n = s.executeUpdate();
            }
            return n + trim(c, keep);
        } catch (SQLException ex) {
            throw new StoreException("could not sweep data sets", ex);
        }
    }

    /** Deletes the least recently used sets beyond {@code keep}; how many. */
    private static int trim(Connection c, int keep) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM datasets WHERE id IN (SELECT id FROM datasets"
                + " ORDER BY used_at DESC, id OFFSET ? ROWS)")) {
            s.setInt(1, keep);
            return s.executeUpdate();
        }
    }

    @Override
    public int datasetCount() {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM datasets");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        } catch (SQLException ex) {
            throw new StoreException("could not count data sets", ex);
        }
    }

    @Override
    public int sweepExpired(Instant now) {
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM boards WHERE expires_at <= ?")) {
            s.setLong(1, now.toEpochMilli());
            return s.executeUpdate();
        } catch (SQLException ex) {
            throw new StoreException("could not sweep expired boards", ex);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
