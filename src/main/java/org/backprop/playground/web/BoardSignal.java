package org.backprop.playground.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * "A board's rows just changed", within one server: a student's session writes a row (join, report,
 * goal reached, leave) and the board sockets of this server read it at once instead of at their next
 * poll. Students on other servers sharing the database still show through the poll (docs/deploy.md).
 */
final class BoardSignal {
    private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

    /** {@code onChange} gets the board id and the row's name key; it runs on the writer's thread, so it only hands the work on. */
    void listen(BiConsumer<String, String> onChange) {
        listeners.add(onChange);
    }

    void changed(String boardId, String nameKey) {
        for (BiConsumer<String, String> l : listeners) l.accept(boardId, nameKey);
    }
}
