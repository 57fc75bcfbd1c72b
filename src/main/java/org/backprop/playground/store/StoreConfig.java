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
 */
public record StoreConfig(Path dataDir, String databaseUrl, Duration boardLifetime) {
    public static final Path DEFAULT_DATA_DIR = Path.of("playground-data");
    public static final Duration DEFAULT_BOARD_LIFETIME = Duration.ofDays(30);

    public StoreConfig {
        if (databaseUrl != null && databaseUrl.isBlank()) databaseUrl = null;
        if (boardLifetime == null) boardLifetime = DEFAULT_BOARD_LIFETIME;
        if (boardLifetime.isNegative() || boardLifetime.isZero()) throw new IllegalArgumentException("a board must last some time");
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
        return new StoreConfig(next, databaseUrl, boardLifetime);
    }

    public StoreConfig withDatabaseUrl(String next) {
        return new StoreConfig(dataDir, next, boardLifetime);
    }

    public StoreConfig withBoardLifetime(Duration next) {
        return new StoreConfig(dataDir, databaseUrl, next);
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

    /** Opens the store this config names. */
    public JdbcStore open() {
        return JdbcStore.open(url());
    }
}
