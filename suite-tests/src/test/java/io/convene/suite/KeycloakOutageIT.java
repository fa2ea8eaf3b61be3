package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Keycloak hangs (SIGSTOP: it accepts connections and never answers) for longer than tokens' keys are
 * kept between reads and than the keys' refresh interval: signed-in calls with tokens issued before
 * go on being answered (the realm's keys are kept in memory, their refresh bounded), readiness says
 * Keycloak is DOWN meanwhile, and all is as before once Keycloak goes on.
 */
class KeycloakOutageIT extends SignedInPeople {

    @Test
    void aHungKeycloakHangsNoSignedInCallAndDropsNoValidToken() throws Exception {
        assertThat(api().get("/api/meetings/upcoming", host).status()).isEqualTo(200);
        List<Long> millis = new ArrayList<>();
        try (AutoCloseable hung = ConveneSuite.get().hangKeycloak()) {
            // a call a second for 75 s, past the keys' 30 s between reads and their 60 s refresh; a call
            // that waited on Keycloak would end in the client's 30 s timeout and fail the test
            ScheduledExecutorService clicks = Executors.newSingleThreadScheduledExecutor();
            try {
                List<ScheduledFuture<Reply>> calls = new ArrayList<>();
                for (int second = 0; second < 75; second++) {
                    calls.add(clicks.schedule(() -> {
                        long t0 = System.nanoTime();
                        Reply upcoming = api().get("/api/meetings/upcoming", pablo);
                        millis.add((System.nanoTime() - t0) / 1_000_000);
                        return upcoming;
                    }, second, TimeUnit.SECONDS));
                }
                for (ScheduledFuture<Reply> call : calls) {
                    Reply upcoming = call.get();
                    assertThat(upcoming.status()).as("a valid token while Keycloak hangs: " + upcoming).isEqualTo(200);
                }
            } finally {
                clicks.shutdownNow();
            }
            Reply ready = Eventually.get(() -> api().get("/health/ready", null), r -> r.status() == 503, Duration.ofSeconds(30));
            assertThat(DeliveryFailuresIT.stateOf(ready, "keycloak")).isEqualTo("DOWN");
        }
        System.out.printf("KeycloakOutageIT figures: %d signed-in calls while Keycloak hung, slowest %d ms%n",
                millis.size(), millis.stream().mapToLong(Long::longValue).max().orElseThrow());
        assertThat(Eventually.get(() -> api().get("/health/ready", null).status(), s -> s == 200, Duration.ofSeconds(60)))
                .isEqualTo(200);
        assertThat(api().get("/api/meetings/upcoming", host).status()).isEqualTo(200);
    }
}
