package org.backprop.playground.web.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backprop.playground.state.PlaygroundState;

/**
 * The builder's one list of controls, each shown, locked or hidden: what {@code <name>_hide} hides
 * on the page (the {@link Choices#HIDABLE} names) and which state keys {@code lock} names for it.
 * A control with no hide name cannot be hidden (the weights: they are the network itself), one with
 * no keys cannot be locked (play, step, reset change no state key); the builder offers what each can.
 * The input features are a row each (locking one locks that feature only); the "features" row hides
 * or shows the whole column.
 */
final class ExerciseControls {
    private ExerciseControls() {}

    /**
     * @param hide       the {@code _hide} name, or null
     * @param lock       the state keys "locked" locks, or none (then it cannot be locked)
     * @param hiddenLock the state keys "hidden" locks: what a student cannot see, a session does not let them change
     */
    record Control(String name, String hide, List<String> lock, List<String> hiddenLock) {
        Control(String name, String hide, List<String> lock) {
            this(name, hide, lock, lock);
        }

        /** How {@code state} has it: "hidden", "locked" (every key of it locked) or "shown". */
        String choice(PlaygroundState state) {
            if (hide != null && state.hiddenControls().contains(hide)) return "hidden";
            if (!lock.isEmpty() && state.lock().containsAll(lock)) return "locked";
            return "shown";
        }
    }

    /** TF Playground's feature toggles, each a row of its own. */
    static final List<String> FEATURE_KEYS = List.of("x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY");

    /** Every hidable control in the page's order (the features after their column's row), then the weights and the points. */
    static final List<Control> ALL = build();

    private static List<Control> build() {
        Set<String> hideOnly = Set.of("playButton", "stepButton", "resetButton");
        List<Control> all = new ArrayList<>();
        for (String name : Choices.HIDABLE) {
            List<String> lock = switch (name) {
                case "dataset" -> List.of("dataset", "regDataset");
                case "numHiddenLayers" -> List.of("networkShape");
                case "regenerate" -> List.of("seed");
                default -> hideOnly.contains(name) || name.equals("features") ? List.of() : List.of(name);
            };
            if (!name.equals("features")) {
                all.add(new Control(name, name, lock));
                continue;
            }
            // the column: shown or hidden; each feature: shown, locked or hidden (its node not offered)
            all.add(new Control(name, name, List.of(), FEATURE_KEYS));
            for (String f : FEATURE_KEYS) all.add(new Control(f, f, List.of(f)));
        }
        all.add(new Control("weights", null, List.of("weights")));
        // "Your own data": the points tools under the map (lock=points)
        all.add(new Control("points", null, List.of("points")));
        return List.copyOf(all);
    }
}
