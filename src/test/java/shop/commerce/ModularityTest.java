package shop.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import shop.commerce.testing.CommittedFiles;

/**
 * Capabilities use each other only through their public API and only as their
 * {@code package-info.java} allows. The build writes the module canvases and diagrams to
 * {@code target/modules} and fails when they differ from the committed {@code docs/modules}.
 */
class ModularityTest {

    private static final Path OUTPUT = Path.of("target/modules");
    private static final Path COMMITTED = Path.of("docs/modules");
    private static final ApplicationModules MODULES = ApplicationModules.of(CommerceApplication.class);

    @Test
    void capabilitiesUseEachOtherOnlyThroughTheirPublicApiAndDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void theCommittedModuleDocumentationIsCurrent() throws IOException {
        // every module's diagram and canvas, the whole system's diagram, and all-docs.adoc tying them together
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(OUTPUT.toString())).writeDocumentation();
        sortRelationsOfEveryDiagram();
        CommittedFiles.assertFolderMatches(OUTPUT, COMMITTED);
    }

    /** The Documenter writes a diagram's relations in hash order; sorted, a build leaves docs/modules unchanged. */
    private static void sortRelationsOfEveryDiagram() throws IOException {
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(OUTPUT)) {
            diagrams = files.filter(path -> path.toString().endsWith(".puml")).toList();
        }
        assertThat(diagrams).as("diagrams written to " + OUTPUT).isNotEmpty();
        for (Path diagram : diagrams) {
            Files.write(diagram, withSortedRelations(Files.readAllLines(diagram)));
        }
    }

    /** The same lines, the relations ({@code Rel(...)}) in sorted order in the places relations held. */
    private static List<String> withSortedRelations(List<String> lines) {
        Iterator<String> sortedRelations = lines.stream().filter(ModularityTest::isRelation).sorted().iterator();
        return lines.stream().map(line -> isRelation(line) ? sortedRelations.next() : line).toList();
    }

    private static boolean isRelation(String line) {
        return line.startsWith("Rel(");
    }
}
