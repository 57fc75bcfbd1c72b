package org.backprop.playground.session;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import org.backprop.playground.state.Goal;
import org.backprop.playground.state.Msg;

/**
 * The one formatter of a goal in words, for the server-rendered page and for every frame: a goal
 * and its progress become {@link Msg}s whose templates ({@code msg.goal.*} in strings.json, English
 * and Korean) put the words in each language's order, with the numbers already written here. The
 * page renders them as it renders any server message (static/js/goal-words.js), so no rule of
 * what to say, and no number format, is written twice.
 *
 * <p>Numbers: a loss to 3 significant digits ({@code 0.127}), an accuracy as a percent to 3
 * ({@code 95.7%}); a target as written in the URL ({@code 0.05}, {@code 95%}); epochs with
 * thousands grouped ({@code 1,234}); seconds to one decimal.
 */
public final class GoalWords {
    private GoalWords() {}

    /** What a banner shows: its sentence and its kind (pending, met or spent), for the page to style. */
    public record Status(Msg msg, String kind) {
        public static final String PENDING = "pending", MET = "met", SPENT = "spent";
    }

    /** "test loss below 0.1" / "테스트 손실 0.1 미만". */
    public static Msg words(Goal goal) {
        return Msg.of(
                "goal.words",
                "metric",
                metric(goal.metric()),
                "comparison",
                comparison(goal.comparison()),
                "value",
                target(goal));
    }

    // whole ids, so a test finds every id this code sends in strings.json
    private static Msg metric(Goal.Metric m) {
        return switch (m) {
            case TRAIN_LOSS -> Msg.of("goal.metric.trainLoss");
            case TEST_LOSS -> Msg.of("goal.metric.testLoss");
            case TRAIN_ACCURACY -> Msg.of("goal.metric.trainAccuracy");
            case TEST_ACCURACY -> Msg.of("goal.metric.testAccuracy");
        };
    }

    private static Msg comparison(Goal.Comparison c) {
        return switch (c) {
            case BELOW -> Msg.of("goal.comparison.below");
            case AT_MOST -> Msg.of("goal.comparison.atMost");
            case ABOVE -> Msg.of("goal.comparison.above");
            case AT_LEAST -> Msg.of("goal.comparison.atLeast");
        };
    }

    /** "reached at epoch 1,234 (12.3 s); now 0.13", "not reached yet — best 0.21", "the budget of 500 epochs ran out …". */
    public static Status status(GoalView v) {
        Goal goal = v.goal();
        if (v.met()) {
            return new Status(
                    Msg.of(
                            "goal.status.met",
                            "epoch",
                            epochs(v.metAtEpoch()),
                            "seconds",
                            seconds(v.metAtSeconds()),
                            "now",
                            measured(goal, v.now())),
                    Status.MET);
        }
        if (v.budgetSpent()) {
            return new Status(
                    Msg.of("goal.status.spent", "budget", epochs(v.budget()), "best", measured(goal, v.best())),
                    Status.SPENT);
        }
        if (v.best() == null) {
            return new Status(
                    v.budget() == null
                            ? Msg.of("goal.status.pending")
                            : Msg.of("goal.status.pendingBudget", "budget", epochs(v.budget())),
                    Status.PENDING);
        }
        return new Status(
                v.budget() == null
                        ? Msg.of("goal.status.notMet", "best", measured(goal, v.best()))
                        : Msg.of(
                                "goal.status.notMetBudget",
                                "best",
                                measured(goal, v.best()),
                                "budget",
                                epochs(v.budget()),
                                "last",
                                epochs(v.budgetEndsAt())),
                Status.PENDING);
    }

    /** The session's own pause when the budget ran out. */
    static Msg budgetSpentNotice(GoalView v) {
        return Msg.of(
                "session.goalBudgetSpent",
                "budget",
                epochs(v.budget()),
                "goal",
                words(v.goal()),
                "best",
                measured(v.goal(), v.best()));
    }

    /** The target as the URL wrote it; an accuracy as a percent (0.95 → 95%). */
    static String target(Goal goal) {
        BigDecimal v = BigDecimal.valueOf(goal.value()); // the shortest decimal of the double: what was written
        return goal.metric().isAccuracy() ? plain(v.movePointRight(2)) + "%" : plain(v);
    }

    /** A measured value to 3 significant digits; an accuracy as a percent; "–" when there is none. */
    static String measured(Goal goal, Double value) {
        if (value == null || !Double.isFinite(value)) return "–";
        double v = goal.metric().isAccuracy() ? value * 100 : value;
        String text = v == 0 ? "0" : plain(new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)));
        return goal.metric().isAccuracy() ? text + "%" : text;
    }

    static String epochs(Number n) {
        return String.format(Locale.ROOT, "%,d", n.longValue());
    }

    static String seconds(double s) {
        return new BigDecimal(s).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
