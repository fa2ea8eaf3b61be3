package io.convene.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.audit.InMemoryAuditRepository;
import io.convene.meeting.Meeting;
import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outgoing webhooks for administrators: registering on public addresses only, the secret shown once, the delivery log. */
class WebhooksTest {

    private static final String PUBLIC = "https://93.184.216.34/hooks/convene";

    private final IntegrationWorld w = new IntegrationWorld();
    private final Webhooks webhooks = w.webhookService;
    private final User admin = w.world.person("admin");
    private final Caller adminCalls = MeetingWorld.callerOf(admin, Caller.ADMIN);
    private final Caller hostCalls = MeetingWorld.callerOf(w.world.person("ann"), Caller.HOST);

    WebhooksTest() {
        TestConfig.use(Map.of(OutboundAddresses.SETTING, "127.0.0.1/32:8089"));
    }

    @AfterEach
    void noConfiguration() {
        TestConfig.remove();
    }

    @Test
    void registeringShowsTheSigningSecretOnceAndKeepsItSealed() {
        Webhooks.Registered registered = webhooks.register(adminCalls, PUBLIC, Set.of(Announcement.Event.SCHEDULED,
                Announcement.Event.CANCELLED));

        assertThat(registered.secret()).matches("whsec_[0-9a-f]{64}");
        assertThat(registered.endpoint().url()).isEqualTo(PUBLIC);
        assertThat(registered.endpoint().events()).containsExactly(Announcement.Event.SCHEDULED, Announcement.Event.CANCELLED);
        assertThat(registered.endpoint().createdAt()).isEqualTo(MeetingWorld.NOW);
        WebhookEndpoint stored = w.webhooks.byId(registered.endpoint().id()).orElseThrow();
        assertThat(stored.secretSealed()).doesNotContain(registered.secret().substring(6));
        assertThat(w.sealing.open(stored.secretSealed())).isEqualTo(registered.secret());
        assertThat(webhooks.list(adminCalls)).containsExactly(registered.endpoint());
        assertThat(webhooks.list(adminCalls).toString()).doesNotContain(registered.secret());
        assertThat(w.audited()).containsExactly(new InMemoryAuditRepository.Audited(admin.id(), "webhook.registered",
                "webhook:" + registered.endpoint().id(), PUBLIC));
        assertThat(webhooks.register(adminCalls, PUBLIC, Set.of(Announcement.Event.STARTED)).secret())
                .as("each endpoint its own secret").isNotEqualTo(registered.secret());
    }

    @Test
    void onlyAdministratorsManageWebhooks() {
        Webhooks.Registered registered = webhooks.register(adminCalls, PUBLIC, Set.of(Announcement.Event.STARTED));
        UUID id = registered.endpoint().id();

        for (Runnable refused : new Runnable[] {
                () -> webhooks.register(hostCalls, PUBLIC, Set.of(Announcement.Event.STARTED)),
                () -> webhooks.list(hostCalls), () -> webhooks.remove(hostCalls, id), () -> webhooks.deliveries(hostCalls, id)}) {
            assertThatThrownBy(refused::run).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("Only administrators manage webhooks");
        }
        assertThat(w.webhooks.all()).hasSize(1);
    }

    @Test
    void anEndpointMustBeAnHttpUrlOnAPublicAddressOrARangeTheOperatorAllowed() {
        for (String refused : new String[] {"http://10.0.0.5/hook", "http://169.254.169.254/latest/meta-data",
                "http://127.0.0.1/hook", "http://127.0.0.1:5432/", "http://0x7f000001:8089/", "file:///etc/passwd",
                "https://user:pw@93.184.216.34/", "not a url", null}) {
            assertThatThrownBy(() -> webhooks.register(adminCalls, refused, Set.of(Announcement.Event.STARTED)))
                    .as(String.valueOf(refused)).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("url"));
        }
        assertThat(w.webhooks.all()).isEmpty();
        assertThat(w.audited()).isEmpty();

        assertThat(webhooks.register(adminCalls, " http://127.0.0.1:8089/crm ", Set.of(Announcement.Event.STARTED))
                .endpoint().url()).isEqualTo("http://127.0.0.1:8089/crm");
    }

    @Test
    void anEndpointWantsAtLeastOneEvent() {
        for (Set<Announcement.Event> none : java.util.Arrays.asList(Set.<Announcement.Event>of(), null)) {
            assertThatThrownBy(() -> webhooks.register(adminCalls, PUBLIC, none))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                            .containsExactly(new InvalidInputException.FieldError("events", "choose at least one event")));
        }
        assertThat(w.webhooks.all()).isEmpty();
    }

    @Test
    void removingTakesTheEndpointAwayAndAnUnknownOneIsNotFound() {
        UUID id = webhooks.register(adminCalls, PUBLIC, EnumSet.allOf(Announcement.Event.class)).endpoint().id();

        webhooks.remove(adminCalls, id);

        assertThat(webhooks.list(adminCalls)).isEmpty();
        assertThat(w.audited()).extracting(InMemoryAuditRepository.Audited::action, InMemoryAuditRepository.Audited::target)
                .last().isEqualTo(org.assertj.core.groups.Tuple.tuple("webhook.removed", "webhook:" + id));
        assertThatThrownBy(() -> webhooks.remove(adminCalls, id)).isInstanceOf(NotFoundException.class)
                .hasMessage("No such webhook");
        assertThatThrownBy(() -> webhooks.deliveries(adminCalls, id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theLogShowsEachDeliveryWithItsAttemptsAndHowItWent() {
        User host = w.world.person("host");
        Meeting meeting = w.world.meeting(host);
        UUID id = webhooks.register(adminCalls, PUBLIC, Set.of(Announcement.Event.SCHEDULED)).endpoint().id();
        w.announcements.publish(Announcement.Event.SCHEDULED, meeting);
        String message = w.broker.on(Announcements.QUEUE).get(0);
        w.providers.thenFail(new IntegrationFailedException("HTTP 502 from the endpoint", null));

        assertThatThrownBy(() -> w.deliveries.deliver(message)).isInstanceOf(IntegrationFailedException.class);
        assertThat(webhooks.deliveries(adminCalls, id)).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isOne();
            assertThat(d.lastError()).isEqualTo("HTTP 502 from the endpoint");
            assertThat(d.deliveredAt()).isNull();
        });

        w.deliveries.deliver(message);

        assertThat(webhooks.deliveries(adminCalls, id)).singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo("SCHEDULED");
            assertThat(d.meetingId()).isEqualTo(meeting.id());
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastStatus()).isEqualTo(204);
            assertThat(d.lastError()).isNull();
            assertThat(d.deliveredAt()).isEqualTo(MeetingWorld.NOW);
        });
    }
}
