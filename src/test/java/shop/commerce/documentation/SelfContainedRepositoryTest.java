package shop.commerce.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: no file points outside it to the team's steering folder, and none
 * cites the team's issue tracker by number, which means nothing to a reader of a clone.
 */
class SelfContainedRepositoryTest {

    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", "results", ".mvn");
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./" + "shared\\b");
    private static final Pattern ISSUE_NUMBER = Pattern.compile("(?i)\\b(issue|item)s? #?\\d+\\b(?!\\s*(coupons?|users?|times?|slots?|requests?|x|%))");

    @Test
    void noFileReferencesTheSteeringFolderOrIssueNumbers() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            for (Path file : files.filter(Files::isRegularFile).filter(SelfContainedRepositoryTest::isSource).toList()) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(file);
                } catch (MalformedInputException binary) {
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (OUTSIDE.matcher(line).find() || ISSUE_NUMBER.matcher(line).find()) {
                        found.add(file + ":" + (i + 1) + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static boolean isSource(Path file) {
        for (Path part : file) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return !name.endsWith(".png") && !name.endsWith(".jar");
    }
}
