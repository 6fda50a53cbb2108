package shop.commerce.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import shop.commerce.order.domain.OrderStatus;

/** The order state diagram in docs/architecture.md draws exactly the transitions {@link OrderStatus} allows. */
class OrderStateDiagramTest {

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final Pattern TRANSITION = Pattern.compile("^\\s*(\\S+)\\s*-->\\s*([^\\s:]+)\\s*(:.*)?$");

    @Test
    void theStateDiagramDrawsExactlyTheTransitionsOfOrderStatus() {
        Set<String> drawn = new TreeSet<>();
        Set<String> states = new TreeSet<>();
        for (String line : MermaidDiagrams.theOne(ARCHITECTURE, "stateDiagram-v2")) {
            Matcher transition = TRANSITION.matcher(line);
            if (!transition.matches()) {
                continue;
            }
            String from = transition.group(1);
            String to = transition.group(2);
            if (!from.equals("[*]")) {
                states.add(from);
            }
            if (!to.equals("[*]")) {
                states.add(to);
            }
            if (!from.equals("[*]") && !to.equals("[*]")) {
                drawn.add(from + " -> " + to);
            }
        }
        Set<String> allowed = new TreeSet<>();
        Set<String> statuses = new TreeSet<>();
        for (OrderStatus to : OrderStatus.values()) {
            statuses.add(to.name());
            to.from().forEach(from -> allowed.add(from.name() + " -> " + to.name()));
        }
        assertThat(states).as("states drawn").isEqualTo(statuses);
        assertThat(drawn).as("transitions drawn").isEqualTo(allowed);
    }
}
