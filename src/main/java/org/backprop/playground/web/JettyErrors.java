package org.backprop.playground.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before Javalin sees the request (a URI past 8 KiB, a malformed
 * percent-escape, oversized headers) in the API's {@code {"code","message","field"}} shape
 * instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private final SecurityHeaders headers;

    JettyErrors(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(JSON);
        // an error answered here may come before the customizers ran, or after its headers were reset
        headers.addTo(response.getHeaders(), request.getHeaders().get(HttpHeader.HOST));
        response.write(true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        headers.addTo(fields, null);
        return body(status, reason);
    }

    private ByteBuffer body(int status, String message) {
        String text = message == null || message.isEmpty() ? HttpStatus.getMessage(status) : message;
        return ByteBuffer.wrap(ErrorBody.bytes(ErrorMapper.codeFor(status), text, ""));
    }
}
