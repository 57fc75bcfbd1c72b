package org.backprop.playground.export;

import java.util.List;

/**
 * The cells as one Python 3 script: prose as comments, each cell after its {@code # %%} line
 * (Jupytext's percent format), so the file runs with {@code python3} and editors still show the cells.
 */
public final class PythonFile {
    private PythonFile() {}

    public static String render(List<Cell> cells) {
        StringBuilder out = new StringBuilder("#!/usr/bin/env python3\n");
        for (Cell cell : cells) {
            out.append('\n');
            if (cell.kind() == Cell.Kind.MARKDOWN) {
                out.append("# %% [markdown]\n");
                for (String line : cell.text().split("\n", -1))
                    out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
            } else {
                out.append("# %%\n").append(cell.text()).append('\n');
            }
        }
        return out.toString();
    }
}
