package org.backprop.playground.state;

import java.util.ArrayList;
import java.util.List;

/**
 * What an exercise's {@code lock} protects, for the whole life of a session: a {@code set} of a
 * locked key is refused ({@link StateCodec#apply}); a {@code config}, which replaces the whole
 * state, keeps the locked keys' values and the lock itself ({@link #keep}); and {@code lock=weights}
 * makes the network's weights read-only ({@code setWeight}, and a {@code config}'s {@code resume}).
 */
public final class Locks {
    private Locks() {}

    /** The lock name that makes the weights read-only: the {@code weights} state key. */
    public static final String WEIGHTS = "weights";

    /** What {@link #keep} made of a {@code config}: the state to start from, or errors (state null) when it must be refused. */
    public record Kept(Parsed parsed, List<FieldError> errors) {}

    /**
     * The keys a {@code set} may not change under {@code state}'s lock: the locked keys, and with
     * {@code lock=points} on a person's own points the keys that would replace them (a data set, the
     * problem, the class count: {@link StateCodec#apply}), so a page shows those locked too.
     */
    public static List<String> effective(PlaygroundState state) {
        if (!state.lock().contains("points") || !state.hasCustomPoints()) return state.lock();
        List<String> all = new ArrayList<>(state.lock());
        for (String k : StateCodec.DATA_SET_KEYS) if (!all.contains(k)) all.add(k);
        return List.copyOf(all);
    }

    /** Whether {@code state}'s exercise locks the weights. */
    public static boolean weightsLocked(PlaygroundState state) {
        return state.lock().contains(WEIGHTS);
    }

    /** The refusal of a weight edit under {@code lock=weights}; {@code what} names it ("setWeight", "resume"). */
    public static FieldError weightsRefusal(String what) {
        return new FieldError(FieldError.LOCKED, WEIGHTS, Msg.of("state.weightsLocked", "what", what));
    }

    /**
     * A {@code config}'s state under {@code current}'s lock: every locked key keeps its value from
     * {@code current} and {@code lock} stays as it is, with one warning naming the keys the config
     * tried to change. What the kept values force on the others is fixed as a URL's conflicts are;
     * a fix that would need a locked key refuses the config, so nothing changes.
     */
    public static Kept keep(PlaygroundState current, Parsed next, PlaygroundLimits limits) {
        List<String> locked = current.lock();
        if (locked.isEmpty()) return new Kept(next, List.of());
        StateBuilder b = next.state().toBuilder();
        List<String> kept = new ArrayList<>();
        for (Key<?> key : StateKeys.ALL) {
            // a stored data set's id goes with the points it names
            boolean follows = key.name().equals("data") && locked.contains("points");
            if (!locked.contains(key.name()) && !key.name().equals("lock") && !follows) continue;
            if (key.differs(current, next.state())) kept.add(key.name());
            copy(key, current, b);
        }
        if (kept.isEmpty()) return new Kept(next, List.of());
        List<Warning> warnings = new ArrayList<>(next.warnings());
        warnings.add(new Warning("lock", null, Msg.of("state.lockKept", "keys", String.join(", ", kept))));
        PlaygroundState state = b.build();
        for (int round = 0; round < 4; round++) { // as StateCodec's read: a fix may expose another conflict
            List<Compatibility.Conflict> conflicts = Compatibility.find(state, limits);
            if (conflicts.isEmpty()) break;
            List<FieldError> errors = new ArrayList<>();
            StateBuilder fixed = state.toBuilder();
            for (Compatibility.Conflict c : conflicts) {
                c.fix().accept(fixed);
                String now = StateCodec.valueText(c.key(), fixed.build());
                if (locked.contains(c.key())) errors.add(DependentChanges.lockedFix(c.key(), c.key(), now, c.msg()));
                else warnings.add(DependentChanges.changedTo(c.key(), c.msg(), now));
            }
            if (!errors.isEmpty()) return new Kept(null, errors);
            state = fixed.build();
        }
        return new Kept(new Parsed(state, warnings), List.of());
    }

    private static <T> void copy(Key<T> key, PlaygroundState from, StateBuilder into) {
        key.set(into, key.getter().apply(from));
    }
}
