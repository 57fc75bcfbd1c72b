package org.backprop.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body as a JSON tree: at most {@link Limits#MAX_BODY_BYTES} (counted while
 * reading, so a chunked body without Content-Length is held to it too), strict JSON only —
 * no NaN or Infinity tokens, no duplicate keys, nothing after the value.
 */
final class JsonBody {
    private final ObjectMapper mapper;

    JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The mapper for every request and response: strict on input, plain on output. */
    static ObjectMapper strictMapper() {
        return JsonMapper.builder()
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** Writes {@code node} as the response body with the given status. */
    void respond(Context ctx, int status, JsonNode node) {
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The body as a JSON object; refusals name the body as field "". */
    JsonNode readObject(Context ctx) {
        byte[] bytes = readBounded(ctx);
        if (bytes.length == 0)
            throw new ApiException(400, "malformed_json", "", "the request body is empty; send a JSON object");
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ApiException(
                    400,
                    "malformed_json",
                    "",
                    "the body is not valid JSON: " + withoutSource(e.getOriginalMessage())
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ApiException(400, "malformed_json", "", "the body could not be read: " + e.getMessage());
        }
        return Fields.object(root, "");
    }

    /** Jackson's messages may point at a redacted "[Source: ...]"; the line and column say it better. */
    private static String withoutSource(String message) {
        return message.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)", "");
    }

    private static byte[] readBounded(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = ctx.bodyInputStream()) {
            if (declared > Limits.MAX_BODY_BYTES) {
                discardRest(in, buf);
                throw bodyTooLarge();
            }
            // grown as bytes arrive, never sized from the declared length: a header costs the client nothing
            ByteArrayOutputStream out = new ByteArrayOutputStream(buf.length);
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > Limits.MAX_BODY_BYTES) {
                    discardRest(in, buf);
                    throw bodyTooLarge();
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiException(400, "malformed_json", "", "the body could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads and drops what is left of a refused body, up to {@link Limits#MAX_DRAIN_BYTES}: a server
     * that answers 413 and closes while the client is still sending resets the connection, and the
     * client then never sees the answer. Past the cap we stop reading and let the connection close.
     */
    private static void discardRest(InputStream in, byte[] buf) throws IOException {
        long left = Limits.MAX_DRAIN_BYTES;
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) left -= n;
    }

    private static ApiException bodyTooLarge() {
        return ApiException.tooLarge("", "request bodies are limited to " + Limits.MAX_BODY_BYTES + " bytes (4 MiB)");
    }
}
