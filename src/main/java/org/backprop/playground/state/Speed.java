package org.backprop.playground.state;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How fast a playing session trains: a number of epochs per second from a fixed menu, or
 * {@link #MAX} (as fast as the server's turns allow). The default, 60, is TF Playground's pace: one
 * step per animation frame, so a TF link feels the same here. {@link #CHOICES} is the one list of
 * values, in order, for the codec and for a page's speed control.
 *
 * @param epochsPerSecond one of the menu's rates, or 0 for {@code max}
 */
public record Speed(int epochsPerSecond) {
    private static final int[] RATES = {1, 3, 10, 30, 60, 100, 300, 1000, 3000, 10000};
    public static final Speed MAX = new Speed(0);
    public static final Speed DEFAULT = new Speed(60);
    /** Every speed, slowest first, {@code max} last. */
    public static final List<Speed> CHOICES = IntStream.concat(IntStream.of(RATES), IntStream.of(0))
            .mapToObj(Speed::new)
            .toList();
    /** The choices as they are written: "1, 3, …, 10000, max". */
    public static final String CHOICES_TEXT = CHOICES.stream().map(Speed::key).collect(Collectors.joining(", "));

    public Speed {
        if (epochsPerSecond != 0 && IntStream.of(RATES).noneMatch(r -> r == epochsPerSecond)) {
            throw new IllegalArgumentException("no speed " + epochsPerSecond + "; the speeds are " + List.of(RATES));
        }
    }

    /** Whether epochs are spread over time; {@code max} is not paced. */
    public boolean paced() {
        return epochsPerSecond > 0;
    }

    /** As a URL writes it: the rate's digits, or {@code max}. */
    public String key() {
        return paced() ? String.valueOf(epochsPerSecond) : "max";
    }

    /** As the {@code state} message writes it: a JSON number, or the string {@code "max"}. */
    public Object json() {
        return paced() ? epochsPerSecond : "max";
    }

    /** A menu value ("60", "max", "60.0"; spaces and case aside), or null when it is none of them. */
    public static Speed parse(String raw) {
        String s = WHOLE_DECIMAL.matcher(raw.trim()).replaceFirst("$1"); // a JSON 60.0 reaches here as "60.0"
        for (Speed speed : CHOICES) if (speed.key().equalsIgnoreCase(s)) return speed;
        return null;
    }

    private static final Pattern WHOLE_DECIMAL = Pattern.compile("^([0-9]+)\\.0*$");

    @Override
    public String toString() {
        return key();
    }
}
