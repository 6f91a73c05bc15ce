package rasad.eventstore.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static rasad.eventstore.engine.EventStoreUnderTest.event;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import rasad.eventstore.embedded.EmbeddedMongoServer;
import rasad.eventstore.embedded.EmbeddedMongoSettings;
import rasad.eventstore.integrity.BrokenLink;
import rasad.eventstore.integrity.BrokenLink.Kind;
import rasad.eventstore.integrity.EventHash;
import rasad.eventstore.integrity.EventStoreVerifier;
import rasad.eventstore.integrity.MerkleRoot;
import rasad.eventstore.integrity.SealKeys;
import rasad.eventstore.integrity.WitnessComparison;

/**
 * What someone with write access to MongoDB can and cannot do to sealed history, tried with the real driver
 * on the embedded server: the laundering sequences an independent tamper test found, a whole suffix rewritten
 * with every hash and seal recomputed, forged seals and keys, key rotation, unreadable documents.
 */
class SealTamperTest {

    static EmbeddedMongoServer server;
    static MongoClient client;
    EventStoreUnderTest store;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.start(
                new EmbeddedMongoSettings(0, Path.of("unused"), EmbeddedMongoSettings.Backend.MEMORY));
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void newStore() {
        store = new EventStoreUnderTest(client.getDatabase(
                "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
    }

    /** Twelve single-event commits over three aggregates; block 1 (positions 1–8) sealed, 9–12 seen, not sealed. */
    private void history() {
        for (int i = 0; i < 12; i++) {
            store.engine.appendEvents(event("f-" + (i % 3), i / 3, "f-" + (i % 3) + " event " + (i / 3)));
        }
        assertThat(store.sealer.sealAvailable()).isOne();
        assertThat(store.verifier.verify().intact()).isTrue();
    }

    private Document commitAt(long position) {
        return store.collections.commits().find(Filters.eq("_id", position)).first();
    }

    private Document sealOf(long block) {
        return store.collections.checkpoints().find(Filters.eq("_id", block)).first();
    }

    private BrokenLink firstBrokenLink() {
        var report = store.verifier.verify();
        assertThat(report.intact()).as("tampering must be detected").isFalse();
        return report.firstBrokenLink().orElseThrow();
    }

    /** Swaps the documents at two positions, fixing the positions inside so each event looks in place. */
    private void swapCommits(long first, long second) {
        swapCommits(first, second, true);
    }

    private void swapCommits(long first, long second, boolean fixPositions) {
        Document a = commitAt(first);
        Document b = commitAt(second);
        store.collections.commits().deleteMany(Filters.in("_id", List.of(first, second)));
        a.put("_id", second);
        b.put("_id", first);
        if (fixPositions) {
            a.getList("events", Document.class).get(0).put("position", second);
            b.getList("events", Document.class).get(0).put("position", first);
        }
        store.collections.commits().insertMany(List.of(a, b));
    }

    @Test
    void a_swap_in_the_part_not_sealed_yet_is_never_sealed_over_by_the_next_command() {
        history();
        Document sealedBefore = sealOf(1);
        swapCommits(9, 10);
        store.engine.appendEvents(event("f-9", 0, "an ordinary command afterwards"));
        store.sealerClock.advance(EventStoreUnderTest.BLOCK_MAX_AGE.plusSeconds(1));
        store.sealer.sealAvailable();

        assertThat(sealOf(2)).as("nothing sealed over the swap").isNull();
        assertThat(sealOf(1)).as("a seal once written is never rewritten").isEqualTo(sealedBefore);
        assertThat(store.findings.recorded(Kind.MOVED, 9)).isTrue();
        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(Kind.MOVED, 9L);
    }

    @Test
    void a_deleted_event_never_becomes_a_fence_even_after_the_gap_timeout_and_another_command() {
        history();
        store.collections.commits().deleteOne(Filters.eq("_id", 11L));
        store.sealerClock.advance(EventStoreUnderTest.GAP_TIMEOUT.plusSeconds(1));
        store.sealer.sealAvailable();
        store.engine.appendEvents(event("f-9", 0, "an ordinary command afterwards"));
        store.sealerClock.advance(EventStoreUnderTest.BLOCK_MAX_AGE.plusSeconds(1));
        store.sealer.sealAvailable();

        assertThat(commitAt(11)).as("no fence where an event was seen written").isNull();
        assertThat(sealOf(2)).isNull();
        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(Kind.MISSING, 11L);
    }

    @Test
    void a_deleted_event_a_new_sealer_never_saw_is_caught_by_the_chain_of_its_aggregate() {
        history();
        store.collections.commits().deleteOne(Filters.eq("_id", 9L)); // f-2's 3rd event; its 4th is at 12
        store.engine.appendEvents(event("f-9", 0, "an ordinary command afterwards"));
        EventStoreUnderTest restarted = new EventStoreUnderTest(store.database);
        for (int pass = 0; pass < 3; pass++) { // sees 9 empty, fences it (it never saw it written), would seal
            restarted.sealer.sealAvailable();
            restarted.sealerClock.advance(EventStoreUnderTest.BLOCK_MAX_AGE.plusSeconds(1));
        }

        assertThat(restarted
                        .collections
                        .checkpoints()
                        .find(Filters.eq("_id", 2L))
                        .first())
                .isNull();
        assertThat(restarted.findings.recorded(Kind.BROKEN_CHAIN, 12)).isTrue();
    }

    @Test
    void a_quiet_store_of_a_few_events_is_sealed_within_the_block_age() {
        store.engine.appendEvents(event("f-1", 0, "granted"), event("f-1", 1, "paid"));
        assertThat(store.sealer.sealAvailable()).as("young and not full").isZero();
        store.sealerClock.advance(EventStoreUnderTest.BLOCK_MAX_AGE);
        assertThat(store.sealer.sealAvailable()).isOne();

        assertThat(sealOf(1))
                .extracting(seal -> seal.get("from"), seal -> seal.get("to"))
                .containsExactly(1L, 2L);
        var report = store.verifier.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.blocksChecked()).isOne();
        store.collections.commits().updateOne(Filters.eq("_id", 1L), Updates.set("events.1.payload", "\"paid twice\""));
        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(Kind.ALTERED, 2L);
    }

    @Test
    void a_suffix_rewritten_with_every_hash_leaf_root_and_seal_recomputed_fails_at_the_first_forged_signature()
            throws Exception {
        for (int i = 0; i < 24; i++) {
            store.engine.appendEvents(event("f-" + (i % 3), i / 3, "event " + i));
        }
        assertThat(store.sealer.sealAvailable()).isEqualTo(3);
        // Rewrite block 2 onwards: f-1's event at position 11 says something else, and every hash after it in
        // its chain, every leaf, root, chain and seal is recomputed — signed with the forger's own key.
        var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Document commit = commitAt(11);
        Document event = commit.getList("events", Document.class).get(0);
        event.put("payload", "\"a forged approval\"");
        store.collections.commits().replaceOne(Filters.eq("_id", 11L), commit);
        rehashChainFrom("f-1", 11);
        for (long block = 2; block <= 3; block++) {
            Document seal = sealOf(block);
            List<String> leaves = new ArrayList<>();
            for (long p = seal.getLong("from"); p <= seal.getLong("to"); p++) {
                leaves.add(MerkleRoot.leafOfEvent(
                        p, commitAt(p).getList("events", Document.class).get(0).getString("hash")));
            }
            String root = MerkleRoot.of(leaves);
            String previous = sealOf(block - 1).getString("chained");
            String chained = MerkleRoot.chain(previous, root);
            String text = String.join(
                    "\n",
                    "rasad-seal/1",
                    String.valueOf(block),
                    String.valueOf(seal.get("from")),
                    String.valueOf(seal.get("to")),
                    root,
                    previous,
                    chained,
                    seal.getString("sealedAt"),
                    seal.getString("keyId"));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(forger.getPrivate());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            store.collections
                    .checkpoints()
                    .updateOne(
                            Filters.eq("_id", block),
                            Updates.combine(
                                    Updates.set("leaves", leaves),
                                    Updates.set("merkleRoot", root),
                                    Updates.set("previous", previous),
                                    Updates.set("chained", chained),
                                    Updates.set("signature", Base64.getEncoder().encodeToString(signer.sign()))));
            // and the published public key replaced by the forger's
            store.collections
                    .checkpoints()
                    .replaceOne(
                            Filters.eq("_id", "published-keys"),
                            new Document("_id", "published-keys")
                                    .append(
                                            "keys",
                                            List.of(new Document("keyId", seal.getString("keyId"))
                                                    .append("publicKey", SealKeys.encoded(forger.getPublic())))));
        }

        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(Kind.BAD_SIGNATURE, 9L);
        WitnessComparison.Result witness = WitnessComparison.compare(store.collections, store.witness.entries());
        assertThat(witness.differences())
                .extracting("block", "difference")
                .containsExactly(
                        Tuple.tuple(2L, WitnessComparison.Difference.DIGEST_DIFFERS),
                        Tuple.tuple(3L, WitnessComparison.Difference.DIGEST_DIFFERS));
    }

    private void rehashChainFrom(String aggregateId, long fromPosition) {
        String previous = null;
        for (long p = 1; p <= store.engine.headPosition(); p++) {
            Document commit = commitAt(p);
            Document event = commit.getList("events", Document.class).get(0);
            if (!aggregateId.equals(event.getString("aggregateId"))) {
                continue;
            }
            if (p >= fromPosition) {
                event.put("previousHash", previous);
                event.put("hash", EventHash.of(event, previous));
                store.collections.commits().replaceOne(Filters.eq("_id", p), commit);
            }
            previous = event.getString("hash");
        }
    }

    @Test
    void a_seal_signed_by_an_unknown_key_or_with_a_broken_signature_is_reported_at_its_block() {
        history();
        store.collections
                .checkpoints()
                .updateOne(
                        Filters.eq("_id", 1L),
                        Updates.set("signature", Base64.getEncoder().encodeToString(new byte[64])));
        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(Kind.BAD_SIGNATURE, 1L);

        store.collections.checkpoints().updateOne(Filters.eq("_id", 1L), Updates.set("keyId", "seal-of-the-forger"));
        assertThat(firstBrokenLink().expected()).contains("seal-of-the-forger is not one");
    }

    @Test
    void after_a_key_rotation_old_seals_verify_with_the_old_public_key_and_new_ones_with_the_new() throws Exception {
        history();
        String first =
                SealKeys.openOrCreate(store.keyDirectory, Clock.systemUTC()).currentId();
        Thread.sleep(1100); // the key's id carries its creation second
        String second = SealKeys.rotate(store.keyDirectory, Clock.systemUTC()).currentId();
        for (int i = 0; i < 8; i++) {
            store.engine.appendEvents(event("g-" + i, 0, "after the rotation " + i));
        }
        assertThat(store.sealer.sealAvailable()).isOne();

        assertThat(sealOf(1).getString("keyId")).isEqualTo(first);
        assertThat(sealOf(2).getString("keyId")).isEqualTo(second);
        assertThat(store.verifier.verify().intact()).isTrue();
        Files.delete(store.keyDirectory.resolve(first + ".pub"));
        var withoutTheOldKey =
                new EventStoreVerifier(store.collections, () -> SealKeys.publicKeysIn(store.keyDirectory)).verify();
        assertThat(withoutTheOldKey.firstBrokenLink())
                .get()
                .extracting("kind", "position")
                .containsExactly(Kind.BAD_SIGNATURE, 1L);
    }

    @Test
    void an_event_whose_metadata_is_not_json_or_whose_sequence_is_text_is_unreadable_at_its_position() {
        history();
        store.collections
                .commits()
                .updateOne(Filters.eq("_id", 6L), Updates.set("events.0.metaData", "<actor>x</actor>"));
        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(Kind.UNREADABLE, 6L);

        newStore();
        history();
        store.collections.commits().updateOne(Filters.eq("_id", 3L), Updates.set("events.0.sequence", "0"));
        BrokenLink link = firstBrokenLink();
        assertThat(link).extracting("kind", "position").containsExactly(Kind.UNREADABLE, 3L);
        assertThat(link.found()).startsWith("sequence is not a number");

        newStore();
        history();
        store.collections.commits().updateOne(Filters.eq("_id", 10L), Updates.set("count", "1"));
        store.sealerClock.advance(EventStoreUnderTest.BLOCK_MAX_AGE);
        store.sealer.sealAvailable();
        assertThat(store.findings.recorded(Kind.UNREADABLE, 10))
                .as("the sealer does not fail: it reports")
                .isTrue();
    }

    @Test
    void an_event_slipped_into_a_commit_beyond_its_count_is_forged() {
        history();
        Document commit = commitAt(4);
        Document real = commit.getList("events", Document.class).get(0);
        Document forged = new Document(real);
        forged.put("eventId", UUID.randomUUID().toString());
        forged.put("position", 5L);
        forged.put("payload", "\"a forged approval\"");
        store.collections.commits().updateOne(Filters.eq("_id", 4L), Updates.push("events", forged));

        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(Kind.FORGED, 5L);
    }

    @Test
    void two_commits_whose_ids_were_swapped_are_moved_where_the_first_one_now_is() {
        history();
        swapCommits(2, 3, false);
        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(Kind.MOVED, 2L);

        newStore();
        history();
        swapCommits(2, 3, true);
        assertThat(firstBrokenLink())
                .as("positions inside fixed too: the seal still has the other leaf there")
                .extracting("kind", "position")
                .containsExactly(Kind.BLOCK_ROOT_MISMATCH, 2L);
    }

    @Test
    void a_removed_last_seal_with_the_head_moved_back_is_shown_by_the_witness() {
        for (int i = 0; i < 16; i++) {
            store.engine.appendEvents(event("f-" + (i % 3), i / 3, "event " + i));
        }
        assertThat(store.sealer.sealAvailable()).isEqualTo(2);
        assertThat(WitnessComparison.compare(store.collections, store.witness.entries())
                        .agree())
                .isTrue();
        store.collections.checkpoints().deleteOne(Filters.eq("_id", 2L));
        store.collections
                .checkpoints()
                .updateOne(
                        Filters.eq("_id", "head"),
                        Updates.combine(
                                Updates.set("block", 1L),
                                Updates.set("to", 8L),
                                Updates.set("chained", sealOf(1).getString("chained"))));

        WitnessComparison.Result witness = WitnessComparison.compare(store.collections, store.witness.entries());
        assertThat(witness.agree()).isFalse();
        assertThat(witness.differences())
                .extracting("block", "difference")
                .containsExactly(Tuple.tuple(2L, WitnessComparison.Difference.REMOVED_FROM_STORE));
    }

    @Test
    void a_removed_last_seal_named_by_the_head_is_a_finding_and_is_not_sealed_again() {
        for (int i = 0; i < 16; i++) {
            store.engine.appendEvents(event("f-" + (i % 3), i / 3, "event " + i));
        }
        assertThat(store.sealer.sealAvailable()).isEqualTo(2);
        store.collections.checkpoints().deleteOne(Filters.eq("_id", 2L));

        assertThat(store.sealer.sealAvailable()).isZero();
        assertThat(sealOf(2)).isNull();
        assertThat(firstBrokenLink().kind()).isEqualTo(Kind.BLOCK_CHAIN_BROKEN);
    }

    @Test
    void seals_deleted_with_their_head_are_never_sealed_again_not_even_by_a_sealer_started_afterwards() {
        history();
        store.collections.commits().updateOne(Filters.eq("_id", 3L), Updates.set("events.0.payload", "\"rewritten\""));
        Document rewritten = commitAt(3);
        Document event = rewritten.getList("events", Document.class).get(0);
        event.put("hash", EventHash.of(event, event.getString("previousHash")));
        rewritten.getList("events", Document.class).set(0, event);
        store.collections.commits().replaceOne(Filters.eq("_id", 3L), rewritten);
        store.collections.checkpoints().deleteMany(new Document());

        assertThat(store.sealer.sealAvailable()).isZero();
        assertThat(sealOf(1)).isNull();
        EventStoreUnderTest restarted = new EventStoreUnderTest(store.database, store.keyDirectory, store.witness);
        assertThat(restarted.sealer.sealAvailable())
                .as("the witness says block 1 was sealed")
                .isZero();
        assertThat(restarted
                        .collections
                        .checkpoints()
                        .find(Filters.eq("_id", 1L))
                        .first())
                .isNull();
        assertThat(store.findings.recorded(Kind.BLOCK_CHAIN_BROKEN, 1)).isTrue();
        assertThat(WitnessComparison.compare(store.collections, store.witness.entries())
                        .differences())
                .extracting("block", "difference")
                .containsExactly(Tuple.tuple(1L, WitnessComparison.Difference.REMOVED_FROM_STORE));
    }

    @Test
    void a_seal_edited_into_something_else_is_unreadable_at_its_block_and_stops_nobody() {
        history();
        store.collections.checkpoints().updateOne(Filters.eq("_id", 1L), Updates.set("leaves.3", 42));
        assertThat(firstBrokenLink()).extracting("kind", "position").containsExactly(Kind.UNREADABLE, 1L);
        assertThat(store.sealer.sealAvailable())
                .as("the sealer carries on from the seal's bounds")
                .isZero();

        newStore();
        history();
        store.collections.checkpoints().updateOne(Filters.eq("_id", 1L), Updates.set("from", "1"));
        assertThat(firstBrokenLink().kind()).isIn(Kind.UNREADABLE, Kind.BLOCK_CHAIN_BROKEN);
        store.collections.checkpoints().updateOne(Filters.eq("_id", "head"), Updates.set("block", "one"));
        assertThat(store.verifier.sealedHead().block())
                .as("a head that is not one is read past: the seals say")
                .isOne();
    }

    @Test
    void commits_too_large_for_one_reply_together_are_verified_in_bounded_replies() {
        String large = "x".repeat(3_000_000);
        for (int i = 0; i < 20; i++) { // 20 × 3 MB: one reply of 60 MB would exceed the driver's 48 MB
            store.engine.appendEvents(event("big-" + i, 0, large + i));
        }
        assertThat(store.sealer.sealAvailable()).isEqualTo(2);
        store.sealerClock.advance(EventStoreUnderTest.BLOCK_MAX_AGE);
        assertThat(store.sealer.sealAvailable()).isOne();
        var report = store.verifier.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(20);
        assertThat(store.engine.storedAt(List.of(1L, 20L))).hasSize(2);
    }
}
