package rasad.kernel.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import rasad.kernel.audit.Role;
import rasad.kernel.people.PersonName;
import rasad.kernel.referencedata.CountyCode;
import rasad.kernel.validation.InvalidValueException;

class StaffAccountTest {

    private static final StaffId AHAR = StaffId.of("inspector-ahar");
    private static final PasswordHash FIRST = PasswordHash.of("{bcrypt}$2a$10$first");
    private static final PasswordHash SECOND = PasswordHash.of("{bcrypt}$2a$10$second");

    @Test
    void the_account_is_what_the_events_leave_in_order() {
        // given
        List<Object> events = List.of(
                new StaffMemberRegistered(AHAR, PersonName.of("Ali"), Role.INSPECTOR, StaffScope.PROVINCE),
                new StaffPasswordSet(AHAR, FIRST),
                new StaffMemberRetired(AHAR, "on leave"),
                new StaffMemberReinstated(AHAR),
                new StaffMemberChanged(
                        AHAR,
                        PersonName.of("Ali Ahari"),
                        Role.INSPECTOR,
                        new StaffScope(CountyCode.of("ahar"), null, null)),
                new StaffPasswordSet(AHAR, SECOND));

        // when
        StaffAccount account = StaffAccount.replay(events.iterator()).orElseThrow();

        // then
        assertThat(account.displayName()).isEqualTo(PersonName.of("Ali Ahari"));
        assertThat(account.scope().county()).isEqualTo(CountyCode.of("ahar"));
        assertThat(account.retired()).isFalse();
        assertThat(account.password()).contains(SECOND);
    }

    @Test
    void a_retirement_keeps_the_password_but_marks_the_account_and_no_registration_means_no_account() {
        StaffAccount retired = StaffAccount.replay(List.<Object>of(
                                new StaffMemberRegistered(
                                        AHAR, PersonName.of("Ali"), Role.INSPECTOR, StaffScope.PROVINCE),
                                new StaffPasswordSet(AHAR, FIRST),
                                new StaffMemberRetired(AHAR, "left"))
                        .iterator())
                .orElseThrow();

        assertThat(retired.retired()).isTrue();
        assertThat(retired.password()).contains(FIRST);
        assertThat(StaffAccount.replay(
                        List.<Object>of(new StaffPasswordSet(AHAR, FIRST)).iterator()))
                .isEmpty();
    }

    @Test
    void only_a_bcrypt_hash_is_a_password_hash_and_it_never_shows_itself() {
        assertThatThrownBy(() -> PasswordHash.of("plain-text-password"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("bcrypt");
        assertThat(FIRST.toString()).doesNotContain("$2a");
        assertThat(new StaffPasswordSet(AHAR, FIRST).toString()).doesNotContain("$2a");
    }
}
