package shop.commerce.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Files the build generates and the repository also keeps (module diagrams, the OpenAPI description):
 * the build writes them under {@code target/} and fails when they differ from the committed copies,
 * so a build never changes the work tree and a committed copy never drifts from the code.
 */
public final class CommittedFiles {

    private CommittedFiles() {
    }

    /** The folder {@code generated} holds exactly the files of {@code committed}, with the same contents. */
    public static void assertFolderMatches(Path generated, Path committed) {
        Set<String> names = new TreeSet<>(names(generated));
        names.addAll(names(committed));
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            Path made = generated.resolve(name);
            Path kept = committed.resolve(name);
            if (!Files.exists(kept)) {
                differences.add(name + " is new");
            } else if (!Files.exists(made)) {
                differences.add(name + " is no longer generated");
            } else if (!read(made).equals(read(kept))) {
                differences.add(name + " changed");
            }
        }
        assertThat(differences).as("%s against the committed %s; if the change is meant, replace the committed "
                + "files with the generated ones (rm -r %s && cp -r %s %s)", generated, committed, committed,
                generated, committed).isEmpty();
    }

    /** {@code generated} has the contents of {@code committed}. */
    public static void assertFileMatches(Path generated, Path committed) {
        assertThat(Files.exists(committed)).as("%s is committed (copy %s there)", committed, generated).isTrue();
        assertThat(read(generated)).as("%s against the committed %s; if the change is meant, copy it over (cp %s %s)",
                generated, committed, generated, committed).isEqualTo(read(committed));
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A committed file's text. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
