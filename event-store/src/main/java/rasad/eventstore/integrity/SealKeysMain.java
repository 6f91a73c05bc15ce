package rasad.eventstore.integrity;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The operator's hand on the seal keys, without the applications: {@code rotate DIR} makes a new key that
 * signs every seal from the sealer's next pass on (it watches the directory), {@code list DIR} prints the
 * public keys with their fingerprints, to hand to an auditor. Run by {@code ./run.sh --rotate-seal-key}.
 */
public final class SealKeysMain {

    private SealKeysMain() {}

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("rotate") || args[0].equals("list"))) {
            System.err.println("usage: SealKeysMain rotate|list KEY_DIRECTORY");
            System.exit(2);
        }
        Path directory = Path.of(args[1]);
        if (args[0].equals("rotate")) {
            SealKeys keys = SealKeys.rotate(directory, Clock.systemUTC());
            System.out.println(
                    "New seal key " + keys.currentId() + " in " + directory.toAbsolutePath()
                            + "; it signs from the sealer's next pass. Earlier public keys stay, so earlier seals still verify.");
        }
        SealKeys.publicKeysIn(directory)
                .forEach((id, key) -> System.out.println(
                        id + "  sha256:" + SealKeys.fingerprint(key) + "  " + SealKeys.encoded(key)));
    }
}
