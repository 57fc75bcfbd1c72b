package org.backprop.playground.export;

/** One cell of an exported program: markdown prose or Python code, its text without a trailing newline. */
public record Cell(Kind kind, String text) {
    public enum Kind {
        MARKDOWN,
        CODE
    }
}
