package rasad.eventstore.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The sealer's Ed25519 keys, kept in a directory outside MongoDB: write access to the database alone must not
 * be enough to sign a seal. Each key has an id; {@code <id>.key} holds the private key (PKCS#8, owner-only),
 * {@code <id>.pub} the public key (X.509), both base64; {@code current} names the key that signs new seals.
 * Rotating adds a key and makes it current; the old public keys stay, so old seals still verify.
 * Ed25519 is the JDK's own (since 15): no library is needed.
 */
public final class SealKeys {

    static final String ALGORITHM = "Ed25519";
    private static final String CURRENT = "current";
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final String currentId;
    private final PrivateKey signingKey;
    private final String publicKey;

    private SealKeys(Path directory, String currentId, PrivateKey signingKey, String publicKey) {
        this.directory = directory;
        this.currentId = currentId;
        this.signingKey = signingKey;
        this.publicKey = publicKey;
    }

    /** The keys in {@code directory}; a first key is made there when it has none. */
    public static SealKeys openOrCreate(Path directory, Clock clock) {
        try {
            Files.createDirectories(directory);
            Path current = directory.resolve(CURRENT);
            if (!Files.exists(current)) {
                return create(directory, clock);
            }
            String id = Files.readString(current, StandardCharsets.UTF_8).trim();
            return new SealKeys(
                    directory,
                    id,
                    readPrivate(directory.resolve(id + ".key")),
                    Files.readString(directory.resolve(id + ".pub"), StandardCharsets.UTF_8)
                            .trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the seal keys in " + directory, e);
        }
    }

    /** A new key pair that signs every seal from now on; the earlier public keys stay published. */
    public static SealKeys rotate(Path directory, Clock clock) {
        try {
            Files.createDirectories(directory);
            return create(directory, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the seal keys in " + directory, e);
        }
    }

    private static SealKeys create(Path directory, Clock clock) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has Ed25519", e);
        }
        String id = "seal-" + ID_TIME.format(clock.instant()) + "-"
                + fingerprint(pair.getPublic()).substring(0, 8);
        Path privateFile = directory.resolve(id + ".key");
        Files.writeString(
                privateFile,
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
        ownerOnly(privateFile);
        Files.writeString(
                directory.resolve(id + ".pub"),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
        Path next = directory.resolve(CURRENT + ".next");
        Files.writeString(next, id + "\n");
        Files.move(
                next, directory.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new SealKeys(directory, id, pair.getPrivate(), encoded(pair.getPublic()));
    }

    public String currentId() {
        return currentId;
    }

    public Path directory() {
        return directory;
    }

    /** The current key's public half, base64 of its X.509 encoding: what is published. */
    public String publicKeyBase64() {
        return publicKey;
    }

    /**
     * The keys of a directory, opened again whenever its {@code current} file changes: a key rotated by an
     * operator signs the next seal without a restart.
     */
    public static Supplier<SealKeys> watching(Path directory, Clock clock) {
        return new Supplier<>() {
            private SealKeys keys = openOrCreate(directory, clock);
            private FileTime seen = modified();

            @Override
            public synchronized SealKeys get() {
                FileTime now = modified();
                if (now != null && !now.equals(seen)) {
                    keys = openOrCreate(directory, clock);
                    seen = now;
                }
                return keys;
            }

            private FileTime modified() {
                try {
                    return Files.getLastModifiedTime(directory.resolve(CURRENT));
                } catch (IOException gone) {
                    return null;
                }
            }
        };
    }

    /** Signs {@code message} with the current key; base64. */
    public String sign(String message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(signingKey);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a seal", e);
        }
    }

    /** The public keys of a directory by id: what a verifier trusts. Private keys are never read here. */
    public static Map<String, PublicKey> publicKeysIn(Path directory) {
        Map<String, PublicKey> keys = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> file.getFileName().toString().endsWith(".pub")).forEach(file -> {
                String name = file.getFileName().toString();
                readPublic(file).ifPresent(key -> keys.put(name.substring(0, name.length() - 4), key));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public seal keys in " + directory, e);
        }
        return keys;
    }

    /** A public key as published: base64 of its X.509 encoding. */
    public static String encoded(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey decodePublic(String base64) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    /** SHA-256 of the public key's encoding, hex: how two parties compare a key over the phone. */
    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Optional<PublicKey> readPublic(Path file) {
        try {
            return Optional.of(
                    decodePublic(Files.readString(file, StandardCharsets.UTF_8).trim()));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException unreadable) {
            return Optional.empty(); // not a key: a verifier that cannot read it does not trust it
        }
    }

    private static PrivateKey readPrivate(Path file) throws IOException {
        try {
            byte[] encoded = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.UTF_8).trim());
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("the seal key " + file + " is not an Ed25519 private key", e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: the directory's own protection applies
        }
    }
}
