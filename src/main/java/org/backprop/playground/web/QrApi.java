package org.backprop.playground.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;

/**
 * {@code GET /api/qr?text=…}: a QR code of the text (a link for students' phones, on a projector)
 * as an SVG image, one path of dark modules with a quiet zone of four, black on white so every
 * phone's camera reads it. Project Nayuki's qrcodegen encodes (error correction M, raised when the
 * text leaves room); this only draws. A missing, long (over {@link #MAX_CHARS}) or unencodable text
 * is a 400 with {@code {code, message}}.
 */
public final class QrApi implements Handler {
    /** The longest text: a link with a short task (about 1,500 bytes) and its state fits with room. */
    public static final int MAX_CHARS = 2000;

    private static final int QUIET = 4;

    @Override
    public void handle(Context ctx) {
        String text = ctx.queryParam("text");
        if (text == null || text.isEmpty()) throw ApiException.missing("text");
        if (text.length() > MAX_CHARS) {
            throw new ApiException(
                    400,
                    "qr_too_long",
                    "text",
                    "a QR code holds at most " + MAX_CHARS
                            + " characters here; store a long task as an exercise (POST /api/exercises) for a short link");
        }
        QrCode qr;
        try {
            qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        } catch (DataTooLongException e) {
            throw new ApiException(
                    400,
                    "qr_too_long",
                    "text",
                    "this text does not fit in a QR code; store it as an exercise for a short link");
        }
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType("image/svg+xml").result(svg(qr));
    }

    /** The code as SVG: a white square and one path of 1×1 dark modules, crisp at any size. */
    static String svg(QrCode qr) {
        int size = qr.size + 2 * QUIET;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y))
                    path.append('M')
                            .append(x + QUIET)
                            .append(',')
                            .append(y + QUIET)
                            .append("h1v1h-1z");
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
