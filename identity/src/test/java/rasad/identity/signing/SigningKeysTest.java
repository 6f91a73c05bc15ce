package rasad.identity.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider's signing keys: kept across restarts, rotated without withdrawing the old one. */
class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void a_key_made_on_first_use_is_the_same_after_a_restart_and_only_its_owner_reads_it() throws Exception {
        RSAKey first = new SigningKeys(dir).current();
        RSAKey afterRestart = new SigningKeys(dir).current();

        assertThat(afterRestart.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(afterRestart.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(first.getKeyID() + ".jwk"))))
                .isEqualTo("rw-------");
    }

    @Test
    void a_rotation_signs_with_the_new_key_and_keeps_publishing_the_old_one() {
        SigningKeys keys = new SigningKeys(dir);
        RSAKey old = keys.current();

        RSAKey rotated = keys.rotate();

        assertThat(rotated.getKeyID()).isNotEqualTo(old.getKeyID());
        assertThat(new SigningKeys(dir).current().getKeyID()).isEqualTo(rotated.getKeyID());
        assertThat(keys.published().getKeys())
                .extracting(JWK::getKeyID)
                .containsExactly(rotated.getKeyID(), old.getKeyID());
    }
}
