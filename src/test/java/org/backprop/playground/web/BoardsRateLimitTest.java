package org.backprop.playground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Creations are limited per address: a burst, then 429 with Retry-After; other addresses and kinds are not affected. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("socket")
class BoardsRateLimitTest {
    @Test
    void a_burst_of_creations_then_429_rate_limited_with_retry_after() {
        try (TestServer server = new TestServer()) {
            int created = 0;
            HttpResponse<String> refused = null;
            long start = System.nanoTime();
            for (int i = 0; i < 200 && refused == null; i++) {
                HttpResponse<String> r = server.post("/api/exercises", "{\"state\":\"dataset=xor\",\"task\":\"t\"}");
                if (r.statusCode() == 201) created++;
                else refused = r;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(refused != null, "200 creations in a row were all let through");
            // a burst of 30, then one a second of the time the requests took (a busy machine is slower)
            assertTrue(
                    created >= 30 && created <= 30 + seconds + 1,
                    "created " + created + " in " + seconds + " s before the first refusal");
            server.assertError(refused, 429, "rate_limited", "");
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
            assertEquals(200, server.get("/api/health").statusCode(), "the rest of the API is not limited");
        }
    }
}
