package dev.tocsin.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The map of the code, written down so it stays true (docs/architecture.md, "Package rules"): no cycle between
 * top-level packages; HTTP is an adapter at the edge (only {@code *Routes} classes, {@code http/}, {@code app/} and
 * {@code web/} may touch Javalin or Tocsin's HTTP types); providers are wire adapters that know nothing of
 * incidents, paging or the database; delivery knows nothing of escalation.
 */
class PackageRulesTest {
    /** Tocsin's production classes (plain JUnit tests, so they run and count like every other test). */
    private static final JavaClasses TOCSIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tocsin");

    private static final ArchRule noCycleBetweenTopLevelPackages = slices().matching("dev.tocsin.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle makes every package in it depend on all the others");

    private static final ArchRule onlyHttpAdaptersKnowHttp = noClasses()
            .that().resideOutsideOfPackages("dev.tocsin.http..", "dev.tocsin.app..", "dev.tocsin.web..")
            .and(DescribedPredicate.not(partOfARoutesClass()))
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "dev.tocsin.http..")
            .because("domain code throws refusals and returns values; the web, chat, SMS and voice adapters turn "
                    + "them into their own replies");

    private static final ArchRule providersAreWireAdaptersOnly = noClasses()
            .that().resideInAPackage("dev.tocsin.provider..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.tocsin.incident..", "dev.tocsin.paging..", "dev.tocsin.store..")
            .because("a provider sends a message it is given; what to send and what to store is delivery's business");

    @Test
    void noCycleBetweenTopLevelPackages() {
        noCycleBetweenTopLevelPackages.check(TOCSIN);
    }

    @Test
    void onlyHttpAdaptersKnowHttp() {
        onlyHttpAdaptersKnowHttp.check(TOCSIN);
    }

    @Test
    void providersAreWireAdaptersOnly() {
        providersAreWireAdaptersOnly.check(TOCSIN);
    }

    @Test
    void theRulesSeeTheWholeCode() {
        org.assertj.core.api.Assertions.assertThat(TOCSIN.size()).as("classes imported").isGreaterThan(300);
        org.assertj.core.api.Assertions.assertThat(TOCSIN.containPackage("dev.tocsin.paging")).isTrue();
    }

    private static final ArchRule deliveryDoesNotKnowEscalation = noClasses()
            .that().resideInAPackage("dev.tocsin.delivery..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tocsin.paging..", "dev.tocsin.escalation..")
            .because("paging decides who is paged; delivery gets each page to its person and asks paging only "
                    + "through Delivery.Escalations");

    @Test
    void deliveryDoesNotKnowEscalation() {
        deliveryDoesNotKnowEscalation.check(TOCSIN);
    }

    /** A {@code *Routes} class, or a class nested in one (its lambdas and anonymous classes). */
    private static DescribedPredicate<JavaClass> partOfARoutesClass() {
        return DescribedPredicate.describe("part of a *Routes class", javaClass -> {
            JavaClass outermost = javaClass;
            while (outermost.getEnclosingClass().isPresent()) outermost = outermost.getEnclosingClass().get();
            return outermost.getSimpleName().endsWith("Routes");
        });
    }
}
