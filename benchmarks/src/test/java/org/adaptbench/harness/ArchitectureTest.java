package org.adaptbench.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The harness module's architecture, checked on its main classes (with the four leaf modules on the
 * class path): its packages form a DAG; the harness never reaches up into the CLI or the JMH
 * benchmarks; scenarios reach approaches only through the registry and the approach contract; and the
 * four leaf modules keep out of each other and out of the harness.
 */
// jars are imported too: in a reactor build past "package" the leaf modules reach this test as jars, and
// without them the leaf-module rule checks nothing (only org.adaptbench packages are read from any jar)
@AnalyzeClasses(packages = "org.adaptbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** One slice per package of this module: everything after {@code org.adaptbench.}, with harness sub-packages apart. */
    @ArchTest
    static final ArchRule packagesFormADag = slices().matching("org.adaptbench.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule harnessKnowsNoCommandLine = noClasses().that().resideInAPackage("org.adaptbench.harness..")
            .should().dependOnClassesThat().resideInAnyPackage("org.adaptbench.cli..", "org.adaptbench.jmh..")
            .because("the CLI and the benchmarks sit on top of the harness");

    @ArchTest
    static final ArchRule scenariosUseRolesNotImplementations = noClasses().that().resideInAPackage("org.adaptbench.harness.scenario..")
            .should().dependOnClassesThat().resideInAnyPackage("org.adaptbench.harness.approach.basic..",
                    "org.adaptbench.harness.approach.memory..")
            .because("scenarios choose approaches by capability and talk to them through role interfaces");

    @ArchTest
    static final ArchRule leafModulesKeepApart = noClasses().that().resideInAnyPackage("org.adaptbench.datasets..",
                    "org.adaptbench.personalization..", "org.adaptbench.finetune..", "org.adaptbench.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("org.adaptbench.harness..", "org.adaptbench.cli..", "org.adaptbench.jmh..")
            .because("only benchmarks sees the four leaf modules together");
}
