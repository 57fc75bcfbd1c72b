package org.backprop.playground.state;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code set} forces besides the keys it names, applied by the server so that a page holds
 * no copy of the rules: a data set of the other problem kind switches {@code problem}, and every
 * {@link Compatibility} conflict on a key the set did not name gets the fix a URL gets (a K-class set
 * brings loss ce, a regression set a regression loss, a set that draws maps narrows the shape...).
 * Each such change comes with a warning saying what changed and why. A conflict on a key the set
 * names itself is the person's explicit choice, so it is refused; so is a fix that needs a key the
 * exercise locked.
 */
final class DependentChanges {
    private DependentChanges() {}

    /** The state with its dependent changes, or errors (and {@code state} null) when it must be refused. */
    record Result(PlaygroundState state, List<Warning> warnings, List<FieldError> errors) {}

    /** A fix may expose another conflict (a loss fixed, then a goal); there are only a few kinds. */
    private static final int ROUNDS = 4;

    static Result resolve(PlaygroundState next, List<String> touched, List<String> locked, PlaygroundLimits limits) {
        List<Warning> warnings = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String cause = touched.isEmpty() ? null : touched.get(0);
        PlaygroundState state = next;
        Problem implied = impliedProblem(touched, state);
        if (implied != null) {
            String set = touched.contains("dataset")
                    ? state.dataset().urlName()
                    : state.regDataset().urlName();
            Msg why = Msg.of("state.problemOfSet", "dataset", set, "problem", implied.key);
            String english = "data set " + set + " is for " + implied.key;
            if (locked.contains("problem")) {
                errors.add(lockedFix(cause, "problem", implied.key, why, english));
                return new Result(null, warnings, errors);
            }
            StateBuilder b = state.toBuilder();
            b.problem = implied;
            state = b.build();
            warnings.add(changedTo("problem", english, why, implied.key));
        }
        for (int round = 0; round < ROUNDS; round++) {
            List<Compatibility.Conflict> conflicts = Compatibility.find(state, limits);
            if (conflicts.isEmpty()) break;
            StateBuilder fixed = state.toBuilder();
            for (Compatibility.Conflict c : conflicts) {
                if (touched.contains(c.key()) || cause == null) {
                    errors.add(new FieldError(FieldError.CONFLICT, c.key(), c.message(), c.msg()));
                    continue;
                }
                c.fix().accept(fixed);
                String now = StateCodec.valueText(c.key(), fixed.build());
                if (locked.contains(c.key())) errors.add(lockedFix(cause, c.key(), now, c.msg(), c.message()));
                else warnings.add(changedTo(c.key(), c.message(), c.msg(), now));
            }
            if (!errors.isEmpty()) return new Result(null, warnings, errors);
            state = fixed.build();
        }
        return new Result(state, warnings, errors);
    }

    /** The warning of a value the server changed: why, and what it is now (also a URL's fixes' words). */
    static Warning changedTo(String key, String english, Msg why, String now) {
        return new Warning(
                key, null, english + "; changed to " + now, Msg.of("state.changedTo", "reason", why, "value", now));
    }

    /** {@code dataset} names a classification set and {@code regDataset} a regression one: naming one (and not problem) picks its problem. */
    private static Problem impliedProblem(List<String> touched, PlaygroundState s) {
        if (touched.contains("problem")) return null;
        if (touched.contains("dataset") && s.problem() != Problem.CLASSIFICATION && !touched.contains("regDataset")) {
            return Problem.CLASSIFICATION;
        }
        if (touched.contains("regDataset") && s.problem() != Problem.REGRESSION && !touched.contains("dataset")) {
            return Problem.REGRESSION;
        }
        return null;
    }

    static FieldError lockedFix(String field, String key, String value, Msg why, String english) {
        return new FieldError(
                FieldError.LOCKED, field, Msg.of("state.fixLocked", "reason", why, "key", key, "value", value));
    }
}
