package org.backprop.playground.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The API's one error shape, {@code {"code","message","field"}}, for every place that answers an error. */
final class ErrorBody {
    private ErrorBody() {}

    static ObjectNode of(String code, String message, String field) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("code", code);
        n.put("message", message);
        n.put("field", field);
        return n;
    }

    static byte[] bytes(String code, String message, String field) {
        return of(code, message, field).toString().getBytes(StandardCharsets.UTF_8);
    }
}
