package rasad.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

@AnalyzeClasses(packages = "rasad.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedKernelArchitectureTest {

    @ArchTest
    static final ArchRule speaks_no_spring =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule knows_neither_side = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("rasad.command..", "rasad.query..", "rasad.eventstore..");

    @ArchTest
    static final ArchRule events_are_versioned_records = classes()
            .that()
            .haveSimpleNameEndingWith("Granted")
            .or()
            .haveSimpleNameEndingWith("Added")
            .or()
            .haveSimpleNameEndingWith("Retired")
            .or()
            .haveSimpleNameEndingWith("Set")
            .or()
            .haveSimpleNameEndingWith("Revised")
            .or()
            .haveSimpleNameEndingWith("Disbursed")
            .or()
            .haveSimpleNameEndingWith("Closed")
            .or()
            .haveSimpleNameEndingWith("Registered")
            .or()
            .haveSimpleNameEndingWith("Ended")
            .or()
            .haveSimpleNameEndingWith("Approved")
            .or()
            .haveSimpleNameEndingWith("Financed")
            .or()
            .haveSimpleNameEndingWith("Recorded")
            .or()
            .haveSimpleNameEndingWith("Confirmed")
            .or()
            .haveSimpleNameEndingWith("Dismissed")
            .or()
            .haveSimpleNameEndingWith("Drawn")
            .or()
            .haveSimpleNameEndingWith("Requested")
            .or()
            .haveSimpleNameEndingWith("Missed")
            .or()
            .haveSimpleNameEndingWith("Assigned")
            .or()
            .haveSimpleNameEndingWith("Consumed")
            .or()
            .haveSimpleNameEndingWith("Corrected")
            .or()
            .haveSimpleNameEndingWith("Raised")
            .or()
            .haveSimpleNameEndingWith("Cleared")
            .or()
            .haveSimpleNameEndingWith("Acknowledged")
            .or()
            .haveSimpleNameEndingWith("Noted")
            .or()
            .haveSimpleNameEndingWith("Escalated")
            .or()
            .haveSimpleNameEndingWith("Resolved")
            .or()
            .haveSimpleNameEndingWith("Refused")
            .or()
            .haveSimpleNameEndingWith("Changed")
            .should()
            .beRecords()
            .andShould()
            .beAnnotatedWith(Revision.class);
}
