package org.backprop.playground.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the store is and how long boards last.
 *
 * @param dataDir       the embedded database's folder (created at open), or null for a database in memory
 *                      that goes with the process (tests); unused with a database URL
 * @param databaseUrl   a PostgreSQL URL ({@link DatabaseUrl#parse}), or null for the embedded database
 * @param boardLifetime how long a board lasts from its creation
 * @param boardPoll     how often a server's board sockets read their boards' rows from the store: the delay
 *                      of a student on another server sharing the database (one on the same server shows at once)
 * @param reportLook    how often a server looks at its students' sessions for what their rows should say
 *                      (a goal met is looked at by the frame that shows it, at once); tests lengthen it
 */
public record StoreConfig(
        Path dataDir, String databaseUrl, Duration boardLifetime, Duration boardPoll, Duration reportLook) {
    public static final Path DEFAULT_DATA_DIR = Path.of("playground-data");
    public static final Duration DEFAULT_BOARD_LIFETIME = Duration.ofDays(30);
    public static final Duration DEFAULT_BOARD_POLL = Duration.ofMillis(250);
    public static final Duration DEFAULT_REPORT_LOOK = Duration.ofMillis(250);

    public StoreConfig {
        if (databaseUrl != null && databaseUrl.isBlank()) databaseUrl = null;
        if (boardLifetime == null) boardLifetime = DEFAULT_BOARD_LIFETIME;
        if (boardLifetime.isNegative() || boardLifetime.isZero())
            throw new IllegalArgumentException("a board must last some time");
        if (boardPoll == null) boardPoll = DEFAULT_BOARD_POLL;
        if (boardPoll.toMillis() < 1) throw new IllegalArgumentException("a board poll takes at least a millisecond");
        if (reportLook == null) reportLook = DEFAULT_REPORT_LOOK;
        if (reportLook.toMillis() < 1) throw new IllegalArgumentException("a look takes at least a millisecond");
    }

    public StoreConfig(Path dataDir, String databaseUrl, Duration boardLifetime) {
        this(dataDir, databaseUrl, boardLifetime, null, null);
    }

    /** The server's default: an H2 file under {@code ./playground-data}. */
    public static StoreConfig defaults() {
        return new StoreConfig(DEFAULT_DATA_DIR, null, null);
    }

    /** A fresh database in memory, gone with the process: what an app made for a test gets unless told otherwise. */
    public static StoreConfig inMemory() {
        return new StoreConfig(null, null, null);
    }

    public StoreConfig withDataDir(Path next) {
        return new StoreConfig(next, databaseUrl, boardLifetime, boardPoll, reportLook);
    }

    public StoreConfig withDatabaseUrl(String next) {
        return new StoreConfig(dataDir, next, boardLifetime, boardPoll, reportLook);
    }

    public StoreConfig withBoardLifetime(Duration next) {
        return new StoreConfig(dataDir, databaseUrl, next, boardPoll, reportLook);
    }

    public StoreConfig withBoardPoll(Duration next) {
        return new StoreConfig(dataDir, databaseUrl, boardLifetime, next, reportLook);
    }

    public StoreConfig withReportLook(Duration next) {
        return new StoreConfig(dataDir, databaseUrl, boardLifetime, boardPoll, next);
    }

    /** The database this config names, PostgreSQL's URL checked and the data folder made. */
    public DatabaseUrl url() {
        if (databaseUrl != null) return DatabaseUrl.parse(databaseUrl);
        if (dataDir == null) return DatabaseUrl.h2Memory();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        return DatabaseUrl.h2(dataDir);
    }

    /** H2's error when another process has the database file open. */
    private static final int H2_IN_USE = 90020;

    /** Opens the store this config names; a store that cannot open says why, for the person starting the server. */
    public JdbcStore open() {
        DatabaseUrl url = url();
        try {
            return JdbcStore.open(url);
        } catch (RuntimeException e) {
            if (!url.postgres() && dataDir != null && errorCode(e) == H2_IN_USE) {
                throw new StoreOpenException(
                        "the data directory " + dataDir.toAbsolutePath() + " is in use by another playground server"
                                + " (its embedded database has one owner): stop that server, or start this one with --data-dir <another directory>",
                        e);
            }
            throw new StoreOpenException("cannot open the store at " + url + ": " + rootMessage(e), e);
        }
    }

    private static int errorCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof java.sql.SQLException sql) return sql.getErrorCode();
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
