package rasad.command.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterRulesTest {

    private static ClusterRules.Member grantedOn(String facility, String day) {
        return new ClusterRules.Member(
                facility,
                LocalDate.parse(day),
                "e-" + facility,
                Instant.EPOCH,
                "bank-melli",
                "tabriz",
                "relief-committee",
                "HOME_BUSINESS",
                null);
    }

    @Test
    void the_densest_window_counts_only_grants_that_fit_in_one_period() {
        List<ClusterRules.Member> members = List.of(
                grantedOn("f-1", "2024-10-01"),
                grantedOn("f-2", "2025-06-01"),
                grantedOn("f-3", "2025-12-20"),
                grantedOn("f-4", "2026-03-01"));

        assertThat(ClusterRules.densest(members, Duration.ofDays(365)))
                .extracting(ClusterRules.Member::facilityId)
                .containsExactly("f-2", "f-3", "f-4");
        assertThat(ClusterRules.densest(members, Duration.ofDays(30))).hasSize(1);
    }

    @Test
    void an_address_is_the_same_however_it_was_typed() {
        assertThat(ClusterRules.normalized("تبريز، خيابان امام ۱۲")).isEqualTo("تبریز خیابان امام 12");
        assertThat(ClusterRules.normalized("  Tabriz,  Imam St. 12 ")).isEqualTo("tabriz imam st 12");
        assertThat(ClusterRules.normalized("تبریز\u200cخیابان امام ١٢")).isEqualTo("تبریز خیابان امام 12");
    }
}
