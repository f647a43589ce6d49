package org.vigil.service;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The invariants of ARCHITECTURE.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final JavaClasses VIGIL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigil");

    /** The rules module: the shared fact model and one package per clinical check. */
    private static final String[] RULES = {
        "org.vigil.rules..",
        "org.vigil.interaction..",
        "org.vigil.allergy..",
        "org.vigil.recognition..",
        "org.vigil.lab..",
        "org.vigil.disease..",
        "org.vigil.duplicate..",
        "org.vigil.age..",
        "org.vigil.renal.."
    };

    private static String[] with(String[] packages, String... more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + more.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }

    @Test
    void knowledgeRulesAndProtocolNeverDependOnSpringOrReactor() {
        noClasses()
                .that()
                .resideInAnyPackage(with(RULES, "org.vigil.knowledge..", "org.vigil.cdshooks.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..")
                .check(VIGIL);
    }

    @Test
    void onlyTheProtocolAndTheServiceKnowWhatACardIs() {
        noClasses()
                .that()
                .resideInAnyPackage(with(RULES, "org.vigil.knowledge.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.vigil.cdshooks..")
                .check(VIGIL);
    }

    @Test
    void rulesNeverParseJsonNorTalkToANetwork() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.vigil.rules..",
                        "org.vigil.interaction..",
                        "org.vigil.allergy..",
                        "org.vigil.recognition..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.fasterxml.jackson..", "tools.jackson..", "java.net..", "java.net.http..", "ca.uhn.fhir..")
                .check(VIGIL);
    }

    @Test
    void knowledgeDependsOnNothingElseOfVigil() {
        noClasses()
                .that()
                .resideInAPackage("org.vigil.knowledge..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.vigil.rules..", "org.vigil.cdshooks..", "org.vigil.service..")
                .check(VIGIL);
    }

    @Test
    void theRecordStoreKnowsNothingOfHttp() {
        noClasses()
                .that()
                .resideInAPackage("org.vigil.service.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.vigil.service.fhir..", "org.springframework.web..", "org.springframework.http..")
                .check(VIGIL);
    }
}
