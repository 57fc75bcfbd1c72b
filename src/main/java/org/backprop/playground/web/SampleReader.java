package org.backprop.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.backprop.playground.engine.Loss;
import org.backprop.playground.engine.Network;
import org.backprop.playground.engine.Samples;

/**
 * Reads samples for a given network: as separate input and target rows (/api/backprop) or as
 * data rows of inputs then targets (/api/train). Widths come from the model; targets must suit
 * its loss, since bce and ce would otherwise train silently towards nonsense.
 */
final class SampleReader {
    /** Tolerance on a ce target row's sum of 1. */
    private static final double ONE_HOT_TOLERANCE = 1e-6;

    private SampleReader() {}

    /** inputs (N, in) and targets (N, out) from two members of {@code body}. */
    static Samples pairs(JsonNode body, Network net, int maxRows) {
        JsonNode inputsNode = Fields.array(Fields.required(body, "", "inputs"), "inputs");
        checkRowCount(inputsNode, "inputs", maxRows);
        double[][] inputs = Fields.matrix(inputsNode, "inputs", -1, net.layout.inputs());
        JsonNode targetsNode = Fields.array(Fields.required(body, "", "targets"), "targets");
        double[][] targets = Fields.matrix(targetsNode, "targets", inputs.length, net.layout.outputs());
        checkTargets(net.loss, targets, "targets", 0);
        return Samples.of(inputs, targets);
    }

    /** Data rows [inputs..., targets...] at {@code path}, split by the model's input count. */
    static Samples rows(JsonNode node, String path, Network net, int maxRows) {
        Fields.array(node, path);
        checkRowCount(node, path, maxRows);
        int in = net.layout.inputs(), out = net.layout.outputs();
        double[][] rows = Fields.matrix(node, path, -1, in + out);
        double[][] inputs = new double[rows.length][], targets = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            inputs[r] = Arrays.copyOfRange(rows[r], 0, in);
            targets[r] = Arrays.copyOfRange(rows[r], in, in + out);
        }
        checkTargets(net.loss, targets, path, in);
        return Samples.of(inputs, targets);
    }

    private static void checkRowCount(JsonNode rows, String path, int maxRows) {
        if (rows.isEmpty()) throw ApiException.invalid(path, "'" + path + "' needs at least one row");
        if (rows.size() > maxRows) {
            throw ApiException.tooLarge(
                    path, "'" + path + "' may have at most " + maxRows + " rows, got " + rows.size());
        }
    }

    /** bce: every target in [0, 1]; ce: every target in [0, 1] and each row summing to 1. */
    private static void checkTargets(Loss loss, double[][] targets, String path, int firstColumn) {
        if (loss != Loss.BCE && loss != Loss.CE) return;
        for (int r = 0; r < targets.length; r++) {
            double sum = 0;
            for (int k = 0; k < targets[r].length; k++) {
                double t = targets[r][k];
                if (t < 0 || t > 1) {
                    String at = Fields.index(Fields.index(path, r), firstColumn + k);
                    throw ApiException.invalid(
                            at,
                            "loss " + loss.key + " needs targets in [0, 1], got " + t
                                    + (loss == Loss.BCE ? " (TF Playground's labels −1 and 1 are 0 and 1 here)" : ""));
                }
                sum += t;
            }
            if (loss == Loss.CE && Math.abs(sum - 1) > ONE_HOT_TOLERANCE) {
                throw ApiException.invalid(
                        Fields.index(path, r),
                        "loss ce needs each target row to sum to 1 " + "(one-hot, e.g. [0, 1, 0]), got a sum of "
                                + sum);
            }
        }
    }
}
