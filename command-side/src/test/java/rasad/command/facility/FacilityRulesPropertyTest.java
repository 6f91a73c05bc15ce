package rasad.command.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import rasad.eventstore.axon.MessageSerialization;
import rasad.kernel.facility.CloseFacility;
import rasad.kernel.facility.ClosureKind;
import rasad.kernel.facility.DisburseTranche;
import rasad.kernel.facility.FacilityClosed;
import rasad.kernel.facility.FacilityGranted;
import rasad.kernel.facility.FacilityId;
import rasad.kernel.facility.TrancheDisbursed;
import rasad.kernel.facility.TrancheId;
import rasad.kernel.money.Rials;
import rasad.kernel.validation.NotResponsible;
import rasad.kernel.validation.RuleViolation;

/**
 * Random sequences of grants, retried grants, tranches (some repeated, some too large, some too early) and
 * closures, sent through Axon's command bus to the real aggregate: whatever is accepted or refused, the
 * recorded stream never breaks a rule.
 */
class FacilityRulesPropertyTest {

    private static final FacilityId F = FacilityId.of("f-0001");
    private static final long GRANTED = 3_000_000_000L;
    private static final LocalDate GRANTED_ON = LocalDate.of(2025, 5, 1);

    @Provide
    Arbitrary<List<Object>> commandSequences() {
        Arbitrary<Object> tranche = Combinators.combine(
                        Arbitraries.of("t1", "t2", "t3", "t4"),
                        Arbitraries.longs().between(1, 2_000_000_000L),
                        Arbitraries.integers().between(-10, 400))
                .as((id, amount, day) ->
                        new DisburseTranche(F, TrancheId.of(id), Rials.of(amount), GRANTED_ON.plusDays(day)));
        Arbitrary<Object> close = Combinators.combine(
                        Arbitraries.of(ClosureKind.values()),
                        Arbitraries.integers().between(-5, 900))
                .as((kind, day) -> new CloseFacility(F, kind, GRANTED_ON.plusDays(day), "reason"));
        Arbitrary<Object> regrant =
                Arbitraries.of(FacilityTest.grantToMaryam(GRANTED), FacilityTest.grantToMaryam(GRANTED + 1));
        return Arbitraries.frequencyOf(Tuple.of(6, tranche), Tuple.of(1, close), Tuple.of(1, regrant))
                .list()
                .ofMaxSize(25);
    }

    @Property(tries = 60)
    void the_recorded_stream_never_breaks_a_facility_rule(@ForAll("commandSequences") List<Object> commands) {
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Facility.class)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureSerializer(c -> MessageSerialization.jacksonSerializer())
                .buildConfiguration();
        axon.start();
        try {
            axon.commandGateway().sendAndWait(FacilityTest.grantToMaryam(GRANTED));
            for (Object command : commands) {
                try {
                    axon.commandGateway().sendAndWait(command);
                } catch (RuleViolation | NotResponsible refused) {
                    // refusals are allowed; what is recorded is checked below
                }
            }
            List<Object> stream = new ArrayList<>();
            axon.eventStore().readEvents(F.value()).forEachRemaining(event -> stream.add(event.getPayload()));
            assertRulesHold(stream);
        } finally {
            axon.shutdown();
        }
    }

    private static void assertRulesHold(List<Object> stream) {
        assertThat(stream.get(0)).isInstanceOf(FacilityGranted.class);
        assertThat(stream.stream().filter(FacilityGranted.class::isInstance))
                .as("granted once")
                .hasSize(1);
        long paid = 0;
        boolean closed = false;
        Set<String> tranches = new HashSet<>();
        for (Object event : stream) {
            if (event instanceof TrancheDisbursed tranche) {
                assertThat(closed).as("no tranche after closure").isFalse();
                assertThat(tranche.paidOn()).as("no tranche before the grant").isAfterOrEqualTo(GRANTED_ON);
                assertThat(tranches.add(tranche.trancheId().value()))
                        .as("each tranche once")
                        .isTrue();
                paid += tranche.amount().amount();
                assertThat(tranche.paidSoFar().amount()).isEqualTo(paid);
                assertThat(paid).as("never above the grant").isLessThanOrEqualTo(GRANTED);
            } else if (event instanceof FacilityClosed closure) {
                assertThat(closed).as("closed once").isFalse();
                assertThat(closure.closedOn()).isAfterOrEqualTo(GRANTED_ON);
                closed = true;
            }
        }
    }
}
