package rasad.endtoend;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The sides share only the kernel and the event store; packages name capabilities, not layers. */
@AnalyzeClasses(packages = "rasad", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule query_side_never_depends_on_command_side = noClasses()
            .that()
            .resideInAPackage("rasad.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("rasad.command..");

    @ArchTest
    static final ArchRule command_side_never_depends_on_query_side = noClasses()
            .that()
            .resideInAPackage("rasad.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("rasad.query..");

    @ArchTest
    static final ArchRule the_event_store_knows_neither_side = noClasses()
            .that()
            .resideInAPackage("rasad.eventstore..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("rasad.command..", "rasad.query..");

    @ArchTest
    static final ArchRule the_kernel_imports_no_spring = noClasses()
            .that()
            .resideInAPackage("rasad.kernel..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule no_grab_bag_packages = noClasses()
            .that()
            .resideInAPackage("rasad..")
            .should()
            .resideInAnyPackage(
                    "..util..",
                    "..utils..",
                    "..helper..",
                    "..helpers..",
                    "..common..",
                    "..manager..",
                    "..service..",
                    "..controller..",
                    "..repository..");
}
