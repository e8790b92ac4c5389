package org.abdmdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/decisions/0001 and 0005 as a test: dependencies point one way
 * (app -> engine, store; store -> engine; engine -> libraries), view models stay free of JavaFX
 * nodes, the simulator is reached only by the demo wiring, and only the ABHA client may reveal an
 * Aadhaar number or an OTP (to encrypt it).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.abdmdesk");
    }

    @Test
    void theEngineKnowsNothingOfStorageOrScreens() {
        ArchRule rule = noClasses().that().resideInAPackage("org.abdmdesk.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.abdmdesk.store..", "org.abdmdesk.app..", "javafx..", "java.sql..", "org.sqlite..",
                        "org.flywaydb..")
                .because("the engine is the ABDM protocol as a plain library; it states storage needs as interfaces");
        rule.check(classes);
    }

    @Test
    void theStoreKnowsNothingOfScreens() {
        ArchRule rule = noClasses().that().resideInAPackage("org.abdmdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.abdmdesk.app..", "javafx..")
                .because("the store implements the engine's interfaces and serves any front end");
        rule.check(classes);
    }

    @Test
    void viewModelsNeverTouchNodesOrWindows() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("views bind and forward, view models act; view models are tested without a window");
        rule.check(classes);
    }

    @Test
    void viewModelsReachDialogsOnlyThroughTheSeam() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveSimpleName("FxDialogService")
                .because("the DialogService interface keeps view models testable");
        rule.check(classes);
    }

    @Test
    void onlyTheDemoWiringStartsTheSimulator() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(
                        "org.abdmdesk.engine.sim..", "org.abdmdesk.engine.cli..", "org.abdmdesk.app.demo..")
                .and().doNotHaveFullyQualifiedName("org.abdmdesk.app.Wiring")
                .and().doNotHaveFullyQualifiedName("org.abdmdesk.app.AppServices")
                .and().doNotHaveFullyQualifiedName("org.abdmdesk.app.Desk")
                .should().dependOnClassesThat().resideInAPackage("org.abdmdesk.engine.sim..")
                .because("real mode must never depend on the simulator; only demo wiring may start it");
        rule.check(classes);
    }

    @Test
    void onlyTheDemoWiringTouchesTheRelayServer() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("org.abdmdesk.relay..", "org.abdmdesk.app.demo..")
                .and().doNotHaveFullyQualifiedName("org.abdmdesk.app.Wiring")
                .should().dependOnClassesThat().resideInAPackage("org.abdmdesk.relay..")
                .because("the relay runs in the workstation only in demo mode (ADR 0008); real mode reaches it over the network");
        rule.check(classes);
    }

    @Test
    void onlyTheAbhaClientRevealsAadhaarNumbersAndOtps() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.abdmdesk.engine.abha..")
                .should().callMethod("org.abdmdesk.engine.identity.AadhaarNumber", "revealForEncryption")
                .orShould().callMethod("org.abdmdesk.engine.identity.Otp", "revealForEncryption")
                .because("Aadhaar numbers and OTPs leave memory only RSA-encrypted for ABDM (ADR 0005)");
        rule.check(classes);
    }

    @Test
    void nothingPrintsToTheConsoleDirectly() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("org.abdmdesk.engine.cli..", "org.abdmdesk.relay..")
                .and().doNotHaveSimpleName("Launcher")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("logging goes through SLF4J so it can be filtered and kept free of patient data");
        rule.check(classes);
    }

    @Test
    void theRulesSeeEveryModule() {
        classes().that().resideInAnyPackage("org.abdmdesk.engine..", "org.abdmdesk.store..", "org.abdmdesk.app..")
                .should().haveNameMatching("org\\.abdmdesk\\..*").check(classes);
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.abdmdesk.engine.abha")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.abdmdesk.store")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.abdmdesk.app.registration")).isTrue();
    }
}
