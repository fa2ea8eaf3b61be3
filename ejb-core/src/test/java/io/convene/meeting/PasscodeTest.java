package io.convene.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasscodeTest {

    @Test
    void storesASaltedHashThatOnlyTheRightPasscodeMatches() {
        String first = Passcode.hash("482913");
        String second = Passcode.hash("482913");

        assertThat(first).startsWith("pbkdf2-sha512$210000$").doesNotContain("482913");
        assertThat(first).isNotEqualTo(second);
        assertThat(Passcode.matches("482913", first)).isTrue();
        assertThat(Passcode.matches("482914", first)).isFalse();
        assertThat(Passcode.matches(null, first)).isFalse();
    }
}
