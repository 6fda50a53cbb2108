package shop.commerce;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void capabilitiesUseEachOtherOnlyThroughTheirPublicApi() {
        ApplicationModules.of(CommerceApplication.class).verify();
    }
}
