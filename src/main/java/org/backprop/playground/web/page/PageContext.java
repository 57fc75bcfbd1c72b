package org.backprop.playground.web.page;

import java.util.Set;
import org.backprop.playground.state.PlaygroundState;

/** What every part of the page is drawn from: the words, the state the URL holds, and what it hides. */
record PageContext(Messages m, PlaygroundState state, Set<String> hidden) {
    boolean isHidden(String control) {
        return hidden.contains(control);
    }
}
