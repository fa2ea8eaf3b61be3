package io.convene.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WrappedKeysTest {

    private static final String SECRET = "a secret kept outside the database, long enough";
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aWrappedKeyComesBackOnlyWithTheSameSecretAndName() {
        WrappedKeys keys = new WrappedKeys(SECRET);
        String stored = keys.wrap("sealing", KEY);
        assertThat(WrappedKeys.isWrapped(stored)).isTrue();
        assertThat(stored).doesNotContain(java.util.Base64.getEncoder().encodeToString(KEY));
        assertThat(keys.wrap("sealing", KEY)).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(new WrappedKeys(SECRET).unwrap("sealing", stored)).isEqualTo(KEY);
        assertThatThrownBy(() -> new WrappedKeys(SECRET + "!").unwrap("sealing", stored))
                .hasMessageContaining("convene.secrets.key");
        assertThatThrownBy(() -> keys.unwrap("guest-tickets", stored)).as("bound to its name")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aShortSecretIsRefusedAndPlainValuesAreNotTakenForWrappedOnes() {
        assertThatThrownBy(() -> new WrappedKeys("short")).hasMessageContaining("32 characters");
        assertThat(WrappedKeys.isWrapped(java.util.Base64.getEncoder().encodeToString(KEY))).isFalse();
    }
}
