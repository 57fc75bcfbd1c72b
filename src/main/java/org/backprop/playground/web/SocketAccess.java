package org.backprop.playground.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who may open a {@code /ws} session (docs/protocol.md §3). A WebSocket upgrade from a page of another
 * origin is refused (403), so a foreign page cannot drive sessions from a visitor's browser; one
 * without an {@code Origin} header is not a browser page (a script, the load tool) and is let in.
 * Sessions may also be capped per client address, which is the socket's peer unless the proxy in
 * front is trusted, when it is the address that proxy appended to {@code X-Forwarded-For}.
 *
 * @param allowedOrigins        origins let in besides the server's own, each {@code scheme://host[:port]} (or {@code null})
 * @param trustProxy            read the client's address from {@code X-Forwarded-For} (only behind a proxy that sets it)
 * @param maxSessionsPerAddress live sessions one client address may hold; 0 for no cap (the default:
 *                              a whole class often shares one address behind a school's NAT)
 */
public record SocketAccess(Set<String> allowedOrigins, boolean trustProxy, int maxSessionsPerAddress) {
    static final String ORIGIN_NOT_ALLOWED = "origin_not_allowed";
    /** Where the upgrade leaves the client's address for the socket's connect handler. */
    static final String ADDRESS_ATTRIBUTE = "playground.clientAddress";

    public SocketAccess {
        Set<String> origins = new LinkedHashSet<>();
        for (String o : allowedOrigins == null ? Set.<String>of() : allowedOrigins) origins.add(listed(o));
        allowedOrigins = Collections.unmodifiableSet(origins);
        if (maxSessionsPerAddress < 0)
            throw new IllegalArgumentException(
                    "maxSessionsPerAddress must be 0 (no cap) or more, got " + maxSessionsPerAddress);
    }

    /** Same origin only, the socket's own address, no cap per address. */
    public static SocketAccess defaults() {
        return new SocketAccess(Set.of(), false, 0);
    }

    /** {@code a,b} as the flag gives it; blanks between commas are skipped. */
    static Set<String> origins(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : list.split(",")) if (!part.isBlank()) out.add(listed(part.trim()));
        return out;
    }

    /** An origin as listed: normalized, or {@code null}, the Origin a sandboxed or file:// page sends. */
    private static String listed(String origin) {
        return origin.equals("null") ? origin : normalize(origin);
    }

    /**
     * The {@code wsBeforeUpgrade} check: refuses a foreign origin with 403 before anything is upgraded,
     * and leaves the client's address for {@link PlaygroundSocket}.
     */
    void beforeUpgrade(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !originAllowed(origin, ctx.header("Host"))) {
            throw new ApiException(
                    403,
                    ORIGIN_NOT_ALLOWED,
                    "Origin",
                    "WebSocket connections from pages of "
                            + ClientMessage.shorten(origin) + " are not allowed; open the playground from this server, "
                            + "or start it with --allowed-origins listing that origin");
        }
        ctx.attribute(
                ADDRESS_ATTRIBUTE,
                clientAddress(ctx.req().getRemoteAddr(), ctx.req().getHeaders("X-Forwarded-For")));
    }

    /** Same origin (the Origin's host and port are the Host header's) or one of {@link #allowedOrigins}. */
    boolean originAllowed(String origin, String host) {
        String o;
        try {
            o = normalize(origin);
        } catch (IllegalArgumentException notAnOrigin) {
            return allowedOrigins.contains(origin); // "null" (a sandboxed page) only when listed as such
        }
        if (allowedOrigins.contains(o)) return true;
        if (host == null || host.isBlank()) return false;
        URI u = URI.create(o);
        int port = u.getPort() >= 0 ? u.getPort() : defaultPort(u.getScheme());
        String h = host.trim().toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        // an IPv6 Host ([::1]:7070) has colons inside its brackets
        boolean hasPort = colon > h.lastIndexOf(']');
        String hostName = hasPort ? h.substring(0, colon) : h;
        String hostPort = hasPort ? h.substring(colon + 1) : String.valueOf(defaultPort(u.getScheme()));
        return hostName.equals(u.getHost()) && hostPort.equals(String.valueOf(port));
    }

    /** The socket's peer, or behind a trusted proxy the last address of X-Forwarded-For (the one that proxy saw). */
    String clientAddress(String remote, Enumeration<String> forwardedFor) {
        if (!trustProxy || forwardedFor == null) return remote;
        String last = null;
        for (String header : Collections.list(forwardedFor)) {
            for (String part : header.split(",")) if (!part.isBlank()) last = part.trim();
        }
        return last == null ? remote : last;
    }

    /** {@code scheme://host[:port]}, lower case, the scheme's own port left out; anything else is refused. */
    static String normalize(String origin) {
        URI u;
        try {
            u = new URI(origin.trim());
        } catch (URISyntaxException e) {
            throw notAnOrigin(origin);
        }
        String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = u.getRawPath() == null
                || u.getRawPath().isEmpty()
                || u.getRawPath().equals("/");
        if (scheme == null
                || !List.of("http", "https").contains(scheme)
                || u.getHost() == null
                || !bare
                || u.getRawQuery() != null
                || u.getRawFragment() != null
                || u.getRawUserInfo() != null) {
            throw notAnOrigin(origin);
        }
        int port = u.getPort() == defaultPort(scheme) ? -1 : u.getPort();
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    private static IllegalArgumentException notAnOrigin(String origin) {
        return new IllegalArgumentException(
                "an origin is scheme://host[:port] (http or https, no path), e.g. https://school.example:8443; got '"
                        + ClientMessage.shorten(origin) + "'");
    }
}
