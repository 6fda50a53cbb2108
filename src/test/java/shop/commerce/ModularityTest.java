package shop.commerce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Capabilities use each other only through their public API and only as their
 * {@code package-info.java} allows; the build also writes the module canvases and diagrams to
 * {@code docs/modules}.
 */
class ModularityTest {

    private static final Path OUTPUT = Path.of("docs/modules");
    private static final ApplicationModules MODULES = ApplicationModules.of(CommerceApplication.class);

    @Test
    void capabilitiesUseEachOtherOnlyThroughTheirPublicApiAndDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        // every module's diagram and canvas, the whole system's diagram, and all-docs.adoc tying them together
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString())).writeDocumentation();
        sortRelationsOfEveryDiagram();
    }

    /** The Documenter writes a diagram's relations in hash order; sorted, a build leaves docs/modules unchanged. */
    private static void sortRelationsOfEveryDiagram() throws IOException {
        try (Stream<Path> diagrams = Files.list(OUTPUT)) {
            for (Path diagram : diagrams.filter(path -> path.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, withSortedRelations(Files.readAllLines(diagram)));
            }
        }
    }

    private static List<String> withSortedRelations(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines.size());
        List<String> relations = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            sorted.addAll(relations);
            relations.clear();
            sorted.add(line);
        }
        relations.sort(null);
        sorted.addAll(relations);
        return sorted;
    }
}
