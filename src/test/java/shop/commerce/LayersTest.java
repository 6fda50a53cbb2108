package shop.commerce;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers inside each capability: {@code domain} knows no framework for the web or for
 * storage and no other layer; {@code api} (HTTP) never reaches into {@code infrastructure};
 * {@code application} (use cases) never depends on the HTTP edge; {@code infrastructure} never on
 * the HTTP edge either.
 */
@AnalyzeClasses(packages = "shop.commerce", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    private static final String[] WEB = { "shop.commerce.*.api..", "org.springframework.web..", "org.springframework.http..",
            "jakarta.servlet..", "org.springframework.security..", "shop.commerce.support.web..",
            "shop.commerce.support.security.." };

    @ArchTest
    static final ArchRule domainKnowsNoFrameworkAndNoOtherLayer = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("shop.commerce.*.api..", "..application..", "..infrastructure..",
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                    "org.springframework.jdbc..", "org.springframework.kafka..", "org.apache.kafka..",
                    "org.redisson..", "tools.jackson..", "org.springframework.security..");

    @ArchTest
    static final ArchRule apiStaysOutOfInfrastructure = noClasses().that().resideInAPackage("shop.commerce.*.api..")
            .should().dependOnClassesThat().resideInAPackage("..infrastructure..");

    @ArchTest
    static final ArchRule applicationStaysOutOfTheHttpEdge = noClasses().that().resideInAPackage("..application..")
            .should().dependOnClassesThat().resideInAnyPackage(WEB);

    @ArchTest
    static final ArchRule infrastructureStaysOutOfTheHttpEdge = noClasses().that()
            .resideInAPackage("..infrastructure..").should().dependOnClassesThat().resideInAnyPackage(WEB);
}
