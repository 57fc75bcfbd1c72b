package org.backprop.playground.state;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a query string or a TF-style hash fragment into decoded pairs, and encodes values back. */
final class UrlText {
    private UrlText() {}

    /** One name=value pair as it came; {@code value} is null when there was no '='. */
    record Pair(String name, String value) {}

    /**
     * The pairs of {@code text}: a query ({@code ?a=1&b=2} or {@code a=1&b=2}), a hash
     * ({@code #a=1&b=2}), or a path or URL with either or both; query pairs come first, so on a
     * clash the hash (TF's own place for state) is read last and wins. A pair that does not
     * decode goes to {@code undecodable} as raw text and is skipped.
     */
    static List<Pair> pairs(String text, List<String> undecodable) {
        int hash = text.indexOf('#');
        String beforeHash = hash < 0 ? text : text.substring(0, hash);
        int question = beforeHash.indexOf('?');
        String query = question >= 0 ? beforeHash.substring(question + 1) : (hash < 0 ? beforeHash : "");
        List<Pair> pairs = new ArrayList<>();
        split(query, pairs, undecodable);
        if (hash >= 0) split(text.substring(hash + 1), pairs, undecodable);
        return pairs;
    }

    private static void split(String part, List<Pair> out, List<String> undecodable) {
        for (String item : part.split("&")) {
            if (item.isEmpty()) continue;
            int eq = item.indexOf('=');
            try {
                String name = decode(eq < 0 ? item : item.substring(0, eq));
                out.add(new Pair(name, eq < 0 ? null : decode(item.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                undecodable.add(item);
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Percent-encodes all but unreserved characters and ',' (so networkShape reads 4,2); space is %20. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == ',') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
