package shop.commerce.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Mermaid diagrams of a Markdown document: the lines of each {@code ```mermaid} block. */
final class MermaidDiagrams {

    private MermaidDiagrams() {
    }

    /** The lines of the one diagram of this kind ({@code erDiagram}, {@code stateDiagram-v2}) in the document. */
    static List<String> theOne(Path document, String kind) {
        List<List<String>> diagrams = all(document).stream()
                .filter(lines -> !lines.isEmpty() && lines.get(0).strip().equals(kind)).toList();
        assertThat(diagrams).as("%s diagrams in %s", kind, document).hasSize(1);
        return diagrams.get(0);
    }

    static List<List<String>> all(Path document) {
        List<String> lines;
        try {
            lines = Files.readAllLines(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> diagrams = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (current == null && line.strip().equals("```mermaid")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                diagrams.add(current);
                current = null;
            } else if (current != null && !line.isBlank() && !line.strip().startsWith("%%")) {
                current.add(line);
            }
        }
        return diagrams;
    }
}
