package rasad.identity.signing;

import java.nio.file.Path;

/**
 * {@code rotate <key-dir>}: makes a new signing key current (a running provider signs with it from the next
 * token) and prints the published key ids. Run by {@code ./run.sh --rotate-identity-key}.
 */
public final class SigningKeysMain {

    private SigningKeysMain() {}

    public static void main(String[] args) {
        if (args.length != 2 || !args[0].equals("rotate")) {
            System.err.println("usage: rotate <key-dir>");
            System.exit(2);
        }
        SigningKeys keys = new SigningKeys(Path.of(args[1]));
        System.out.println("signing with " + keys.rotate().getKeyID());
        keys.published().getKeys().forEach(key -> System.out.println("published " + key.getKeyID()));
    }
}
