package io.statstream.launcher.docs;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
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
                        "io.statstream.store..", "io.statstream.sink..", "io.statstream.runtime..", "io.statstream.launcher..",
                        "io.statstream.embedded..")
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
                .should().dependOnClassesThat().resideInAnyPackage("io.statstream.worker..", "io.statstream.api..", "io.statstream.sink..")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.statstream.worker..", "io.statstream.api..")
                .should().dependOnClassesThat().resideInAPackage("io.statstream.sink..")
                .because("the sink is a service of its own: the worker and the API share the store with it, not its code")
                .check(classes);
        noClasses().that().resideInAPackage("io.statstream.runtime..")
                .should().dependOnClassesThat().resideInAPackage("io.statstream.store..")
                .check(classes);
        noClasses().that().resideInAPackage("io.statstream.worker..")
                .should().dependOnClassesThat().resideInAPackage("io.statstream.api..")
                .check(classes);
    }

    @Test
    void theWorkersTopologyOnlyAsksWhetherResultsAreStored() {
        noClasses().that().resideInAPackage("io.statstream.worker.topology..")
                .should().dependOnClassesThat(resideInAPackage("io.statstream.store..").and(not(simpleName("Results"))))
                .because("dropping duplicates needs the store's Results, not its pending marks, notices or counts")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.statstream.(*)..").should().beFreeOfCycles().check(classes);
    }
}
