package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The message broker hangs under a running Convene (its connections stay open, nothing is answered):
 * a call that must publish — scheduling with invitees, a chat message naming someone — is refused
 * within seconds (503, nothing written), not after Artemis's 30 s, so the meeting's lock is not held
 * meanwhile and the meeting's other chat goes on. When the broker answers again, both work and the
 * notice arrives.
 */
class HungBrokerIT extends SignedInPeople {

    private static final long BOUND_MILLIS = 15_000;

    @Test
    void aHungBrokerRefusesPublishingCallsInSecondsAndHoldsUpNobodyElse() throws Exception {
        NotificationsIT.mine(cora, false); // Cora has an account: in-app notices need one
        Meetings.Gathering g = Meetings.gather(host, pablo, cora, draft("While the broker hangs"));
        String title = "Scheduled while the broker hangs " + UUID.randomUUID();
        String mentionId = "hung-" + UUID.randomUUID();
        long scheduleMillis;
        long plainMillis;
        Reply mention;
        long mentionMillis;
        try (AutoCloseable hang = ConveneSuite.get().broker().hang()) {
            long started = System.nanoTime();
            Reply schedule = api().post("/api/meetings/schedule", host, with(draft(title), "invitees", List.of(PARTICIPANT)));
            scheduleMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(schedule.status()).as(schedule.toString()).isEqualTo(503);
            assertThat(schedule.contentType()).startsWith("application/problem+json");
            assertThat(schedule.headers().firstValue("Retry-After")).isPresent();

            long mentionStarted = System.nanoTime();
            CompletableFuture<Reply> naming = CompletableFuture.supplyAsync(() -> api().post("/api/meetings/" + g.id()
                    + "/chat/send", pablo, Map.of("clientMessageId", mentionId, "text", "@cora compliance, a word")));
            // the meeting's row is locked by the mention's send while it waits on the broker
            Eventually.get(() -> ConveneSuite.count("select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                    + " where c.relname = 'meetings' and l.mode = 'RowShareLock' and l.granted") > 0 || naming.isDone(),
                    locked -> locked, Duration.ofSeconds(10));
            long plainStarted = System.nanoTime();
            Reply plain = api().post("/api/meetings/" + g.id() + "/chat/send", host,
                    Map.of("clientMessageId", "plain-" + UUID.randomUUID(), "text", "meanwhile, without a name"));
            plainMillis = (System.nanoTime() - plainStarted) / 1_000_000;
            assertThat(plain.status()).as(plain.toString()).isIn(200, 201);

            mention = naming.get(60, TimeUnit.SECONDS);
            mentionMillis = (System.nanoTime() - mentionStarted) / 1_000_000;
        }
        System.out.printf("With the broker hung: schedule refused in %d ms, the mention in %d ms, a plain message sent in %d ms%n",
                scheduleMillis, mentionMillis, plainMillis);
        assertThat(mention.status()).as(mention.toString()).isEqualTo(503);
        assertThat(mention.contentType()).startsWith("application/problem+json");
        assertThat(List.of(scheduleMillis, mentionMillis, plainMillis)).allSatisfy(millis -> assertThat(millis).isLessThan(BOUND_MILLIS));
        assertThat(ConveneSuite.count("select count(*) from meetings where title = '" + title + "'"))
                .as("nothing of the refused schedule was written").isZero();
        assertThat(ConveneSuite.count("select count(*) from chat_messages where client_message_id = '" + mentionId + "'"))
                .as("nor of the refused message").isZero();

        Reply again = Eventually.get(() -> api().post("/api/meetings/" + g.id() + "/chat/send", pablo,
                Map.of("clientMessageId", mentionId, "text", "@cora compliance, a word")), r -> r.status() / 100 == 2,
                Duration.ofSeconds(60));
        assertThat(again.text("id")).isNotBlank();
        assertThat(NotificationsIT.awaitKinds(cora, g.id(), 1)).contains("MENTIONED");
        assertThat(api().post("/api/meetings/schedule", host, with(draft(title), "invitees", List.of(PARTICIPANT))).status())
                .isEqualTo(201);
    }
}
