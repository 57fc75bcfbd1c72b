package org.backprop.playground.state;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backprop.playground.data.Dataset;

/**
 * The state keys (and page controls) that change nothing for this state, each with the id of the
 * words saying why, so a page greys them out instead of offering a knob that does nothing. One rule,
 * read from the data set: noise only where its generator takes it (TF's sets and ours, not the
 * tutorials' own points); the train/test ratio, test points and regenerate not on a fixed set (its
 * points are both training and test, drawn from no seed); the map's test points and discretize not
 * without a 2-D map; the hidden activation not without a hidden layer.
 */
public final class NotApplying {
    private NotApplying() {}

    /** Key → message id (strings.json {@code na.*}), in the page's order; empty when everything applies. */
    public static Map<String, String> of(PlaygroundState s) {
        Dataset set = s.activeDataset();
        boolean map = s.isTwoDimensional();
        Map<String, String> out = new LinkedHashMap<>();
        boolean own = s.hasCustomPoints();
        if (own) out.put("noise", "na.ownPoints");
        else if (!set.takesNoise()) out.put("noise", "na.noNoise");
        if (own) out.put("percTrainData", "na.ownSplit");
        else if (set.isFixed()) out.put("percTrainData", "na.fixedSplit");
        if (!map) out.put("showTestData", "na.noMap");
        else if (set.isFixed() && !own) out.put("showTestData", "na.fixedSplit");
        if (!map) out.put("discretize", "na.noMap");
        if (own) out.put("regenerate", "na.ownPoints");
        else if (set.isFixed()) out.put("regenerate", "na.fixedPoints");
        if (s.networkShape().isEmpty()) out.put("activation", "na.noHiddenLayer");
        return out;
    }
}
