package org.backprop.playground.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The cells as a Jupyter notebook (nbformat 4.5: every cell has an id), unexecuted, for a Python 3 kernel. */
public final class Notebook {
    private Notebook() {}

    public static ObjectNode render(List<Cell> cells, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            ObjectNode c = list.addObject();
            boolean code = cell.kind() == Cell.Kind.CODE;
            c.put("cell_type", code ? "code" : "markdown");
            c.put("id", "cell-" + i);
            c.putObject("metadata");
            if (code) {
                c.putNull("execution_count");
                c.putArray("outputs");
            }
            // nbformat's source: the lines, each but the last with its newline
            ArrayNode source = c.putArray("source");
            String[] lines = cell.text().split("\n", -1);
            for (int l = 0; l < lines.length; l++) source.add(l < lines.length - 1 ? lines[l] + "\n" : lines[l]);
        }
        ObjectNode meta = root.putObject("metadata");
        ObjectNode kernel = meta.putObject("kernelspec");
        kernel.put("display_name", "Python 3");
        kernel.put("language", "python");
        kernel.put("name", "python3");
        meta.putObject("language_info").put("name", "python");
        root.put("nbformat", 4);
        root.put("nbformat_minor", 5);
        return root;
    }
}
