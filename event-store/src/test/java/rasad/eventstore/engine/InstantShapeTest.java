package rasad.eventstore.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast check of a stored instant answers exactly as {@code Instant.parse} would. */
class InstantShapeTest {

    private static boolean parses(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException no) {
            return false;
        }
    }

    @Test
    void instants_rasad_writes_and_their_mutations_are_judged_as_instant_parse_judges_them() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String alphabet = "0123456789-:.TZ+ x٣";
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            String written = Instant.ofEpochSecond(
                            random.nextLong(-5_000_000_000L, 300_000_000_000L),
                            random.nextBoolean() ? 0 : random.nextInt(1_000_000_000))
                    .toString();
            assertThat(LocatedEvent.isInstant(written))
                    .as("seed %d: %s", seed, written)
                    .isTrue();
            StringBuilder mutated = new StringBuilder(written);
            int position = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.setCharAt(position, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> mutated.deleteCharAt(position);
                default -> mutated.insert(position, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = mutated.toString();
            assertThat(LocatedEvent.isInstant(text))
                    .as("seed %d: %s", seed, text)
                    .isEqualTo(parses(text));
            checked++;
        }
        for (String day : new String[] {
            "2025-02-29T00:00:00Z",
            "2024-02-29T00:00:00Z",
            "2025-04-31T10:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-00-10T00:00:00Z",
            "2025-01-01T24:00:00Z",
            "2025-01-01T23:60:00Z"
        }) {
            assertThat(LocatedEvent.isInstant(day)).as(day).isEqualTo(parses(day));
        }
        assertThat(checked).isEqualTo(20_000);
    }
}
