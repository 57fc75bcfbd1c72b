package org.backprop.playground.web;

import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The security headers of every answer (docs/api.md "Security headers"): the page, static files,
 * the API and Jetty's own errors. A Jetty customizer, so they are set before any handler runs and
 * nothing answers without them. The Content-Security-Policy fits the page: its scripts and styles
 * are files of this server (Chart.js from the webjar), no inline script, no eval; images may be
 * data: URIs (the favicon); the page connects back to its own host, over ws: or wss:. Who may frame
 * the page is {@code frame-ancestors}, from {@code --frame-ancestors} (default {@code 'self'}), so
 * an exercise can be embedded where a teacher allows it.
 */
public final class SecurityHeaders implements HttpConfiguration.Customizer {
    /** The default {@code frame-ancestors}: only this server's own pages may frame it. */
    public static final String DEFAULT_FRAME_ANCESTORS = "'self'";
    /** A source of frame-ancestors: 'self', 'none', a scheme (https:), or a host with optional scheme, port and path. */
    private static final Pattern SOURCE = Pattern.compile("'self'|'none'|[A-Za-z][A-Za-z0-9+.-]*:"
            + "|([A-Za-z][A-Za-z0-9+.-]*://)?(\\*\\.)?[A-Za-z0-9.-]+(:(\\d{1,5}|\\*))?(/[A-Za-z0-9._~/%-]*)?");
    /** A Host header that may go into the policy as it is (a name or address and a port); anything else is left out. */
    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:\\d{1,5})?");

    private final HttpField contentTypeOptions = new HttpField("X-Content-Type-Options", "nosniff");
    private final HttpField referrerPolicy = new HttpField("Referrer-Policy", "no-referrer");
    private final String policy;

    /** @param frameAncestors checked with {@link #checkFrameAncestors} */
    public SecurityHeaders(String frameAncestors) {
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors "
                + checkFrameAncestors(frameAncestors);
    }

    /**
     * The value of {@code frame-ancestors}, normalized (sources separated by one space), or an
     * IllegalArgumentException that says what a source may be.
     */
    public static String checkFrameAncestors(String value) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty())
            throw new IllegalArgumentException(
                    "--frame-ancestors (env FRAME_ANCESTORS) is empty; use 'self' (the default), "
                            + "'none', or the sites that may embed the page, e.g. https://school.example");
        String[] sources = v.split("\\s+");
        for (String s : sources) {
            if (!SOURCE.matcher(s).matches()) {
                throw new IllegalArgumentException(
                        "--frame-ancestors (env FRAME_ANCESTORS): '" + ClientMessage.shorten(s)
                                + "' is not a source; give 'self', 'none', a scheme (https:) or sites such as https://school.example"
                                + " or https://*.school.example, separated by spaces");
            }
            if (s.equals("'none'") && sources.length > 1) {
                throw new IllegalArgumentException("--frame-ancestors (env FRAME_ANCESTORS): 'none' stands alone");
            }
        }
        return String.join(" ", sources);
    }

    /** The Content-Security-Policy for a request that named {@code host} (its Host header; null when none). */
    String policyFor(String host) {
        // 'self' covers ws: and wss: in current browsers; the host's own ws:/wss: for the ones that do not
        if (host == null || !HOST.matcher(host).matches()) return "connect-src 'self'; " + policy;
        return "connect-src 'self' ws://" + host + " wss://" + host + "; " + policy;
    }

    /** Puts the headers on a response about to be answered for {@code host}. */
    void addTo(HttpFields.Mutable headers, String host) {
        headers.put("Content-Security-Policy", policyFor(host));
        headers.put(contentTypeOptions);
        headers.put(referrerPolicy);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        addTo(responseHeaders, request.getHeaders().get(HttpHeader.HOST));
        return request;
    }
}
