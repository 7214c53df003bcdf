package org.adaptbench.personalization;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module's architecture, checked on its main classes: its packages form a DAG, and it depends on no
 * other leaf module nor on the harness, the CLI or the JMH benchmarks (only {@code benchmarks} sees them all).
 */
@AnalyzeClasses(packages = "org.adaptbench.personalization", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** One slice per package, the module's root package included (it captures everything after {@code org.adaptbench.}). */
    @ArchTest
    static final ArchRule packagesFormADag = slices().matching("org.adaptbench.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noArrowToAnotherModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage(
                    "org.adaptbench.datasets..",
                    "org.adaptbench.finetune..",
                    "org.adaptbench.reports..",
                    "org.adaptbench.harness..",
                    "org.adaptbench.cli..",
                    "org.adaptbench.jmh..")
            .because("the four leaf modules know nothing of each other or of the harness");
}
