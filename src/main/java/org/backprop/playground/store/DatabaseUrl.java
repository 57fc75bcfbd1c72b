package org.backprop.playground.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the store lives, as JDBC wants it. {@code DATABASE_URL} comes as platforms give it,
 * {@code postgres://user:password@host:port/db?sslmode=require} (or {@code postgresql://}, or a
 * {@code jdbc:postgresql:} URL as it is); without one, an H2 file database in the data directory.
 *
 * @param user     null when the URL names none (H2, or a JDBC URL that carries its own)
 * @param password null when the URL names none
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {
    /** The H2 file {@code <dataDir>/playground.mv.db}; AUTO_SERVER off: one server process owns the file. */
    public static DatabaseUrl h2(java.nio.file.Path dataDir) {
        return new DatabaseUrl(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("playground") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    /** A database of its own in memory, kept until the process ends. */
    public static DatabaseUrl h2Memory() {
        return new DatabaseUrl("jdbc:h2:mem:store-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** Reads a PostgreSQL URL in either form; throws IllegalArgumentException with a message for people. */
    public static DatabaseUrl parse(String url) {
        String s = url.trim();
        if (s.startsWith("jdbc:postgresql:")) return new DatabaseUrl(s, null, null);
        if (!s.startsWith("postgres://") && !s.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must be postgres://user:password@host:port/database (or a jdbc:postgresql: URL), got '"
                            + redacted(s) + "'");
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is not a URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(
                    "DATABASE_URL needs a host and a database: postgres://user:password@host:port/database");
        }
        String user = null, password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseUrl(jdbc, user, password);
    }

    public boolean postgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** For logs: the URL without its password. */
    @Override
    public String toString() {
        return jdbcUrl + (user == null ? "" : " as " + user);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); // a URI's + is a plus, not a space
    }

    private static String redacted(String s) {
        return s.replaceAll("//[^@/]*@", "//…@");
    }
}
