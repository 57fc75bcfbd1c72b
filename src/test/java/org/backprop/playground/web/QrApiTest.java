package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GET /api/qr: the builder's and the board's QR code, an SVG of exactly the library's modules. */
@Timeout(30)
@Tag("socket")
class QrApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");

    @Test
    void draws_every_dark_module_of_the_code_and_nothing_else_inside_a_quiet_zone() {
        String link = "http://localhost:7070/?dataset=xor&title=" + "Caf\u00e9 \uc5f0\uc2b5";
        HttpResponse<String> r = server.get("/api/qr?text=" + URLEncoder.encode(link, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(
                "image/svg+xml",
                r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        QrCode qr = QrCode.encodeText(link, QrCode.Ecc.MEDIUM);
        assertTrue(
                r.body()
                        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + (qr.size + 8) + " "
                                + (qr.size + 8) + "\""),
                r.body());
        boolean[][] drawn = new boolean[qr.size][qr.size];
        Matcher m = MODULE.matcher(r.body());
        int count = 0;
        while (m.find()) {
            drawn[Integer.parseInt(m.group(2)) - 4][Integer.parseInt(m.group(1)) - 4] = true;
            count++;
        }
        int dark = 0;
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                assertEquals(qr.getModule(x, y), drawn[y][x], "module " + x + "," + y);
                if (qr.getModule(x, y)) dark++;
            }
        }
        assertEquals(dark, count, "each dark module once");
    }

    @Test
    void a_missing_or_too_long_text_is_a_clear_400() {
        server.assertError(server.get("/api/qr"), 400, "missing_field", "text");
        server.assertError(server.get("/api/qr?text=" + "a".repeat(QrApi.MAX_CHARS + 1)), 400, "qr_too_long", "text");
    }
}
