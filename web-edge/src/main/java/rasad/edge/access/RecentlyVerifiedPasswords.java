package rasad.edge.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a few minutes, that a password matched its bcrypt hash, so that HTTP Basic (stateless: the
 * password comes with every request) does not pay a bcrypt check per request. Only successful matches are
 * kept, as a SHA-256 of hash and password together, in memory, bounded; a changed hash matches nothing kept.
 */
final class RecentlyVerifiedPasswords implements PasswordEncoder {

    private static final Duration KEPT_FOR = Duration.ofMinutes(5);
    private static final int MAX_KEPT = 10_000;

    private final PasswordEncoder checked;
    private final Map<String, Long> verifiedAt = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_KEPT;
        }
    };

    RecentlyVerifiedPasswords(PasswordEncoder checked) {
        this.checked = checked;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return checked.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return checked.matches(rawPassword, encodedPassword);
        }
        String key = digest(encodedPassword + '\u0000' + rawPassword);
        long now = System.nanoTime();
        synchronized (verifiedAt) {
            Long at = verifiedAt.get(key);
            if (at != null && now - at < KEPT_FOR.toNanos()) {
                return true;
            }
        }
        boolean matches = checked.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verifiedAt) {
                verifiedAt.put(key, now);
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return checked.upgradeEncoding(encodedPassword);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
