package io.fleetmesh.edge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The agent is packaged by feature (leaf, sync, commands, rules, ...) and wired in this root package by EdgeAgent:
 * the features may use one another without going round in circles, and none of them reaches back into the wiring.
 */
@AnalyzeClasses(packages = "io.fleetmesh.edge", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundariesTest {

    @ArchTest
    static final ArchRule featuresHaveNoCycles = slices().matching("io.fleetmesh.edge.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule featuresDoNotDependOnTheWiring = noClasses().that().resideInAPackage("io.fleetmesh.edge.*..")
            .should().dependOnClassesThat().resideInAPackage("io.fleetmesh.edge");
}
