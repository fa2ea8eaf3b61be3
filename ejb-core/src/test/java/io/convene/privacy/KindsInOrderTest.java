package io.convene.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KindsInOrderTest {

    @Test
    void theListedKindsComeFirstInTheirOrderThenTheRest() {
        Map<String, Integer> counted = new LinkedHashMap<>();
        counted.put("passcode-failures", 2);
        counted.put("something-new", 7);
        counted.put("chat-messages", 5);

        assertThat(KindsInOrder.of(counted, List.of("chat-messages", "notifications", "passcode-failures")).entrySet())
                .containsExactly(Map.entry("chat-messages", 5), Map.entry("passcode-failures", 2), Map.entry("something-new", 7));
    }
}
