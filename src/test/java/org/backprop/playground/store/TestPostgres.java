package org.backprop.playground.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL the tests may use: {@code TEST_DATABASE_URL} (postgres://user:password@host:port/db;
 * .ci/run starts one and sets it). Each user gets a schema of its own, dropped at {@link #close()}.
 * Without the variable, or when the database does not answer, the test is skipped by a JUnit
 * assumption that says why (Maven lists it as skipped, and the reason is printed).
 */
public final class TestPostgres implements AutoCloseable {
    public static final String VARIABLE = "TEST_DATABASE_URL";
    private final DatabaseUrl base;
    public final String schema =
            "t_" + Long.toHexString(Double.doubleToLongBits(Math.random())).substring(0, 10);

    private TestPostgres(DatabaseUrl base) {
        this.base = base;
    }

    /** A fresh schema on the test database, or the test is skipped with a message saying why. */
    public static TestPostgres require() {
        String url = System.getenv(VARIABLE);
        if (url == null || url.isBlank()) skip(VARIABLE + " is not set (.ci/run starts PostgreSQL and sets it)");
        DatabaseUrl base = DatabaseUrl.parse(url);
        TestPostgres pg = new TestPostgres(base);
        try (Connection c = pg.connect(base.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + pg.schema);
        } catch (SQLException e) {
            skip(url.replaceAll("//[^@/]*@", "//…@") + " does not answer: " + e.getMessage());
        }
        return pg;
    }

    private static void skip(String why) {
        System.out.println("SKIPPED PostgreSQL tests: " + why);
        assumeTrue(false, "PostgreSQL tests skipped: " + why);
    }

    /** A jdbc:postgresql: URL into this schema, with the user and password in it (what StoreConfig takes). */
    public String jdbcUrl() {
        String u = base.jdbcUrl();
        StringBuilder b = new StringBuilder(u)
                .append(u.contains("?") ? "&" : "?")
                .append("currentSchema=")
                .append(schema);
        if (base.user() != null)
            b.append("&user=").append(java.net.URLEncoder.encode(base.user(), java.nio.charset.StandardCharsets.UTF_8));
        if (base.password() != null)
            b.append("&password=")
                    .append(java.net.URLEncoder.encode(base.password(), java.nio.charset.StandardCharsets.UTF_8));
        return b.toString();
    }

    private Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        if (base.user() != null) p.setProperty("user", base.user());
        if (base.password() != null) p.setProperty("password", base.password());
        return DriverManager.getConnection(url, p);
    }

    @Override
    public void close() {
        try (Connection c = connect(base.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            System.out.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
