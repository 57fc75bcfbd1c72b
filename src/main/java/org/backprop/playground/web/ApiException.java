package org.backprop.playground.web;

/**
 * A request the API refuses: an HTTP status, a stable machine-readable {@code code}, a message
 * for people, and the JSON path of the offending field ({@code "model.layers[1].weights"},
 * {@code ""} for the whole body). {@link ErrorMapper} turns it into the error body.
 */
public final class ApiException extends RuntimeException {
    public final int status;
    public final String code;
    public final String field;
    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    private int retryAfter;

    public ApiException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** This refusal with a {@code Retry-After: seconds} header (a 429 or 503: come back later). */
    ApiException retryAfter(int seconds) {
        this.retryAfter = seconds;
        return this;
    }

    int retryAfterSeconds() {
        return retryAfter;
    }

    /** A required field is absent or null. */
    public static ApiException missing(String field) {
        return new ApiException(400, "missing_field", field, quote(field) + " is required");
    }

    /** A field holds the wrong JSON type. */
    public static ApiException wrongType(String field, String expected, String actual) {
        return new ApiException(400, "wrong_type", field, quote(field) + " must be " + expected + ", got " + actual);
    }

    /** A path as messages print it: 'model.loss', or "the body" for the root. */
    static String quote(String path) {
        return path.isEmpty() ? "the body" : "'" + path + "'";
    }

    /** A well-typed value that is not allowed (out of range, unknown name, impossible pair). */
    public static ApiException invalid(String field, String message) {
        return new ApiException(422, "invalid_value", field, message);
    }

    /** Arrays whose lengths do not chain or match. */
    public static ApiException shape(String field, String message) {
        return new ApiException(422, "shape_mismatch", field, message);
    }

    /** A name the engine or the data package does not know (activation, loss, optimizer, ...). */
    public static ApiException unknownName(String field, String message) {
        return new ApiException(422, "unknown_name", field, message);
    }

    /** Past a documented size or work limit. */
    public static ApiException tooLarge(String field, String message) {
        return new ApiException(413, "too_large", field, message);
    }
}
