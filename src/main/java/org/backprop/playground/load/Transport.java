package org.backprop.playground.load;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** The WebSocket client the simulated browsers use: the JDK's (no compression) or Jetty's (permessage-deflate, as browsers). */
interface Transport extends AutoCloseable {
    /** Opens one connection for {@code session}; completes when the upgrade is done. */
    CompletableFuture<?> connect(URI uri, ClientSession session);

    /** The extensions the server accepted on the first upgrade, as its response header says ("none" without). */
    String negotiated();

    @Override
    void close() throws Exception;
}
