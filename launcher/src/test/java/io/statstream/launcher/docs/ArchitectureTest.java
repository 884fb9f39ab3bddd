package io.statstream.launcher.docs;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries ARCHITECTURE.md describes, checked on the compiled classes of every module
 * rather than kept in people's heads.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.statstream");
    }

    @Test
    void theContractKnowsKafkaOnlyForItsTopics() {
        noClasses().that().resideInAPackage("io.statstream.model..").and().resideOutsideOfPackage("io.statstream.model.topic..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
                .because("requests, keys and results are plain data; only topics and serdes speak Kafka")
                .check(classes);
    }

    @Test
    void theContractDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.statstream.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.statstream.api..", "io.statstream.worker..",
                        "io.statstream.store..", "io.statstream.runtime..", "io.statstream.launcher..", "io.statstream.embedded..")
                .check(classes);
    }

    @Test
    void theEngineIsPureFunctions() {
        noClasses().that().resideInAPackage("io.statstream.worker.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio.file..",
                        "org.apache.kafka..", "io.lettuce..", "io.vertx..", "io.statstream.store..", "io.statstream.runtime..")
                .because("the engine computes from its input alone: no I/O, no clients")
                .check(classes);
    }

    @Test
    void nothingButTheLauncherUsesTheApi() {
        noClasses().that().resideOutsideOfPackages("io.statstream.api..", "io.statstream.launcher..")
                .should().dependOnClassesThat().resideInAPackage("io.statstream.api..")
                .check(classes);
    }

    @Test
    void modulesFollowTheDataFlowAndNeverReachBack() {
        noClasses().that().resideInAnyPackage("io.statstream.store..", "io.statstream.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("io.statstream.worker..", "io.statstream.api..")
                .check(classes);
        noClasses().that().resideInAPackage("io.statstream.runtime..")
                .should().dependOnClassesThat().resideInAPackage("io.statstream.store..")
                .check(classes);
        noClasses().that().resideInAPackage("io.statstream.worker..")
                .should().dependOnClassesThat().resideInAPackage("io.statstream.api..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.statstream.(*)..").should().beFreeOfCycles().check(classes);
    }
}
