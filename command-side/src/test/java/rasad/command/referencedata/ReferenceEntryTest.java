package rasad.command.referencedata;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.kernel.calendar.FiscalYear;
import rasad.kernel.referencedata.AddReferenceEntry;
import rasad.kernel.referencedata.BankCode;
import rasad.kernel.referencedata.LocalizedName;
import rasad.kernel.referencedata.ReferenceEntryAdded;
import rasad.kernel.referencedata.ReferenceEntryId;
import rasad.kernel.referencedata.ReferenceEntryRetired;
import rasad.kernel.referencedata.ReferenceKind;
import rasad.kernel.referencedata.RetireReferenceEntry;
import rasad.kernel.validation.RuleViolation;

class ReferenceEntryTest {

    private static final ReferenceEntryId NOTE_16 = new ReferenceEntryId(ReferenceKind.FUNDING_SOURCE, "note-16-1403");
    private static final AddReferenceEntry ADD_NOTE_16 = new AddReferenceEntry(
            NOTE_16,
            new LocalizedName("تبصره ۱۶ قانون بودجه ۱۴۰۳", "Budget Law Note 16, 1403"),
            null,
            FiscalYear.of(1403));

    private FixtureConfiguration<ReferenceEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReferenceEntry.class);
    }

    @Test
    void a_funding_source_of_a_budget_year_is_added_as_data() {
        fixture.givenNoPriorActivity().when(ADD_NOTE_16).expectEvents(ReferenceEntryAdded.from(ADD_NOTE_16));
    }

    @Test
    void adding_the_same_entry_again_records_nothing() {
        fixture.given(ReferenceEntryAdded.from(ADD_NOTE_16))
                .when(ADD_NOTE_16)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_same_code_with_other_details_is_refused() {
        fixture.given(ReferenceEntryAdded.from(ADD_NOTE_16))
                .when(new AddReferenceEntry(NOTE_16, new LocalizedName("تبصره ۱۸", null), null, FiscalYear.of(1403)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(NOTE_16 + " already exists with other details")
                .expectNoEvents();
    }

    @Test
    void retiring_records_the_reason_once() {
        fixture.given(ReferenceEntryAdded.from(ADD_NOTE_16))
                .when(new RetireReferenceEntry(NOTE_16, "the 1404 budget funds loans under Note 18"))
                .expectEvents(new ReferenceEntryRetired(NOTE_16, "the 1404 budget funds loans under Note 18"));
        fixture.given(ReferenceEntryAdded.from(ADD_NOTE_16), new ReferenceEntryRetired(NOTE_16, "first reason"))
                .when(new RetireReferenceEntry(NOTE_16, "second reason"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_retired_code_is_not_reused() {
        fixture.given(ReferenceEntryAdded.from(ADD_NOTE_16), new ReferenceEntryRetired(NOTE_16, "superseded"))
                .when(ADD_NOTE_16)
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_branch_names_its_bank_and_only_a_funding_source_has_a_year() {
        ReferenceEntryId branch = new ReferenceEntryId(ReferenceKind.BANK_BRANCH, "melli-tabriz-central");
        assertThatThrownBy(() -> new AddReferenceEntry(branch, new LocalizedName("شعبه مرکزی تبریز", null), null, null))
                .extracting("rule")
                .isEqualTo("BRANCH_WITHOUT_BANK");
        assertThatThrownBy(() -> new AddReferenceEntry(
                        new ReferenceEntryId(ReferenceKind.PROGRAMME, "HOME_BUSINESS"),
                        new LocalizedName("مشاغل خانگی", "Home business"),
                        null,
                        FiscalYear.of(1403)))
                .extracting("rule")
                .isEqualTo("FISCAL_YEAR_NOT_ALLOWED");
        new AddReferenceEntry(branch, new LocalizedName("شعبه مرکزی تبریز", null), BankCode.of("bank-melli"), null);
    }
}
