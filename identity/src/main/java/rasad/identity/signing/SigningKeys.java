package rasad.identity.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The keys tokens are signed with, kept as files beside the data ({@code <id>.jwk}, owner-only; {@code current}
 * names the one that signs): made on first start, so that tokens survive a restart; rotated by making a new
 * one current. Every key in the directory stays published, so that tokens signed before a rotation verify
 * until they expire; delete an old key's file to withdraw it.
 */
public final class SigningKeys {

    private static final String CURRENT = "current";

    private final Path dir;

    public SigningKeys(Path dir) {
        this.dir = dir;
    }

    /** The key that signs now; made if there is none yet. */
    public synchronized RSAKey current() {
        Path current = dir.resolve(CURRENT);
        if (!Files.exists(current)) {
            return rotate();
        }
        return read(dir.resolve(readString(current).trim() + ".jwk"));
    }

    /** Every key a token may be signed with, the current one first: what {@code /oauth2/jwks} publishes. */
    public synchronized JWKSet published() {
        RSAKey current = current();
        List<JWK> keys = new ArrayList<>(List.of(current));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(file -> file.getFileName().toString().endsWith(".jwk"))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(SigningKeys::read)
                    .filter(key -> !key.getKeyID().equals(current.getKeyID()))
                    .forEach(keys::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the signing keys in " + dir, e);
        }
        return new JWKSet(keys);
    }

    /** Makes a new key and signs with it from now on; the old ones stay published. */
    public synchronized RSAKey rotate() {
        try {
            Files.createDirectories(dir);
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(Instant.now().toString().substring(0, 10) + "-"
                            + UUID.randomUUID().toString().substring(0, 8))
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
            Path file = dir.resolve(key.getKeyID() + ".jwk");
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            ownerOnly(file);
            Path next = dir.resolve(CURRENT + ".next");
            Files.writeString(next, key.getKeyID(), StandardCharsets.UTF_8);
            Files.move(next, dir.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a signing key in " + dir, e);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    private static RSAKey read(Path file) {
        try {
            return RSAKey.parse(readString(file));
        } catch (ParseException e) {
            throw new IllegalStateException("not a signing key: " + file, e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions protect it
        }
    }
}
