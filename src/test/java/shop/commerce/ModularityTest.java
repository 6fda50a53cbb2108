package shop.commerce;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Capabilities use each other only through their public API and only as their
 * {@code package-info.java} allows; the build also writes the module canvases and diagrams to
 * {@code docs/modules}.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(CommerceApplication.class);

    @Test
    void capabilitiesUseEachOtherOnlyThroughTheirPublicApiAndDeclaredDependencies() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        // every module's diagram and canvas, the whole system's diagram, and all-docs.adoc tying them together
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
    }
}
