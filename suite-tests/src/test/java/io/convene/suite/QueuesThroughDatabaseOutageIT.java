package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.PARTICIPANT;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.convene.launcher.EmbeddedBroker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A notice on its queue when PostgreSQL goes away for longer than the broker's redeliveries last
 * (1 + 2 + 4 + 8 s, then the dead-letter queue): it waits for the database instead, and once the
 * database is back the invitee is told, once, and nothing is dead-lettered. Meanwhile the clocks, the
 * queues and the channel's listener say the outage once each, not with a stack trace every tick.
 */
class QueuesThroughDatabaseOutageIT extends SignedInPeople {

    private static final Duration OUTAGE = Duration.ofSeconds(25);
    /** Measured before clocks, queues and the channel said an outage once: 2,838 frames in such an outage. */
    private static final long FRAMES_AT_MOST = 300;

    @Test
    void aNoticeTakenOffItsQueueDuringAnOutageIsDeliveredWhenTheDatabaseIsBack() throws Exception {
        NotificationsIT.mine(pablo, false); // Pablo has an account: in-app notices need one
        String admin = ConveneSuite.tokenOf(Meetings.ADMIN);
        PayaraLog log;
        List<String> written;
        String id;
        EmbeddedBroker broker = ConveneSuite.get().broker();
        try (AutoCloseable held = broker.pause("convene.notices")) {
            id = api().post("/api/meetings/schedule", host, with(draft("Told after the outage"), "invitees", List.of(PARTICIPANT)))
                    .text("id");
            assertThat(id).isNotBlank();
            log = PayaraLog.mark();
            try (AutoCloseable outage = ConveneSuite.get().interruptDatabase()) {
                held.close(); // the notice reaches its consumer while the database is away
                long deadLetters = broker.messageCount(EmbeddedBroker.DEAD_LETTERS);
                Thread.sleep(OUTAGE.toMillis()); // nothing more arrives on the dead-letter queue: waits past the broker's last redelivery (15 s)
                assertThat(broker.messageCount(EmbeddedBroker.DEAD_LETTERS)).as("dead-lettered during the outage")
                        .isEqualTo(deadLetters);
            }
            written = log.written();
        }
        long frames = PayaraLog.stackFrames(written);
        System.out.printf("The %d s outage wrote %d log lines, %d of them stack frames%n", OUTAGE.toSeconds(), written.size(), frames);
        assertThat(frames).as("clocks, queues and the channel say an outage once, not with a stack trace a tick")
                .isLessThan(FRAMES_AT_MOST);
        String meeting = id;
        assertThat(NotificationsIT.awaitKinds(pablo, meeting, 1)).containsExactly("INVITED");
        assertThat(DeliveryFailuresIT.deadLetterOf(admin, meeting)).as("nothing dead-lettered").isNull();
        // a notice put back is one copy: the longest delay put on one during a 25 s outage is 20 s (5, 10, 20)
        Thread.sleep(21_000); // nothing more arrives: waits past the longest put-back delay that could still bring a second
        assertThat(NotificationsIT.ofMeeting(NotificationsIT.mine(pablo, false), meeting)).hasSize(1);
    }
}
