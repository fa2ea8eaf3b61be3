package io.convene.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.convene.audit.InMemoryAuditRepository;
import io.convene.meeting.MeetingWorld;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.shared.NotFoundException;
import io.convene.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connecting outside services: who may connect what, what each provider needs, and that a secret never comes back. */
class IntegrationsTest {

    private final IntegrationWorld w = new IntegrationWorld();
    private final Integrations integrations = w.integrations;
    private final User admin = w.world.person("admin");
    private final User ann = w.world.person("ann");
    private final Caller adminCalls = MeetingWorld.callerOf(admin, Caller.ADMIN);
    private final Caller annCalls = MeetingWorld.callerOf(ann, Caller.HOST);

    @AfterEach
    void noConfiguration() {
        TestConfig.remove();
    }

    private static ConnectRequest connect(Provider provider, Map<String, String> settings, String secret, String signing) {
        return new ConnectRequest(provider, ConnectRequest.Action.CONNECT, settings, secret, signing);
    }

    private static ConnectRequest disconnect(Provider provider) {
        return new ConnectRequest(provider, ConnectRequest.Action.DISCONNECT, null, null, null);
    }

    @Test
    void onlyAdministratorsConnectAChatToolForTheOrganisation() {
        assertThatThrownBy(() -> integrations.change(annCalls, connect(Provider.SLACK, Map.of("channel", "#all"), "xoxb-1", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only administrators connect SLACK for the organisation");
        assertThatThrownBy(() -> integrations.change(annCalls, disconnect(Provider.TEAMS)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only administrators connect TEAMS for the organisation");
        assertThat(w.connections.all()).isEmpty();
        assertThat(w.audited()).isEmpty();
    }

    @Test
    void slackIsConnectedWithItsChannelAndTokenSealedAndNeitherSecretComesBack() {
        ConnectionView view = integrations.change(adminCalls,
                connect(Provider.SLACK, Map.of("channel", " #general "), " xoxb-secret-token ", "signing-secret")).orElseThrow();

        assertThat(view.organisation()).isTrue();
        assertThat(view.settings()).isEqualTo("{\"channel\":\"#general\"}");
        assertThat(view.hasSecret()).isTrue();
        assertThat(view.hasSigningSecret()).isTrue();
        assertThat(view.connectedAt()).isEqualTo(MeetingWorld.NOW);
        assertThat(view.toString()).doesNotContain("xoxb-secret-token", "signing-secret");
        ServiceConnection stored = w.connections.byId(view.id()).orElseThrow();
        assertThat(stored.userId()).isNull();
        assertThat(stored.secretSealed()).doesNotContain("xoxb");
        assertThat(w.sealing.open(stored.secretSealed())).isEqualTo("xoxb-secret-token");
        assertThat(w.sealing.open(stored.signingSecretSealed())).isEqualTo("signing-secret");
        assertThat(w.audited()).containsExactly(
                new InMemoryAuditRepository.Audited(admin.id(), "integration.connected", "provider:SLACK", null));
        assertThat(integrations.list(adminCalls)).containsExactly(view);
    }

    @Test
    void slackConnectedAgainWithANewTokenKeepsItsSigningSecretUnlessGivenAnother() {
        integrations.change(adminCalls, connect(Provider.SLACK, Map.of("channel", "#general"), "xoxb-first", "signing-secret"));

        ConnectionView again = integrations.change(adminCalls,
                connect(Provider.SLACK, Map.of("channel", "#town-hall"), "xoxb-second", null)).orElseThrow();
        ServiceConnection stored = w.connections.byId(again.id()).orElseThrow();
        assertThat(again.hasSigningSecret()).as("the /convene command still verified").isTrue();
        assertThat(w.sealing.open(stored.signingSecretSealed())).isEqualTo("signing-secret");
        assertThat(w.sealing.open(stored.secretSealed())).isEqualTo("xoxb-second");

        integrations.change(adminCalls, connect(Provider.SLACK, Map.of("channel", "#town-hall"), "xoxb-second", " rotated "));
        assertThat(w.sealing.open(w.connections.byId(again.id()).orElseThrow().signingSecretSealed())).isEqualTo("rotated");

        integrations.change(adminCalls, new ConnectRequest(Provider.SLACK, ConnectRequest.Action.DISCONNECT, null, null, null));
        ConnectionView anew = integrations.change(adminCalls,
                connect(Provider.SLACK, Map.of("channel", "#general"), "xoxb-third", null)).orElseThrow();
        assertThat(anew.hasSigningSecret()).as("disconnected, it went with the connection").isFalse();
    }

    @Test
    void eachProviderAsksForWhatItNeeds() {
        assertThatThrownBy(() -> integrations.change(adminCalls, connect(Provider.SLACK, Map.of(), "xoxb-1", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new InvalidInputException.FieldError("settings.channel", "required for this provider")));
        assertThatThrownBy(() -> integrations.change(adminCalls, connect(Provider.SLACK, Map.of("channel", "#all"), " ", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new InvalidInputException.FieldError("secret", "the provider's token is needed to connect")));
        assertThatThrownBy(() -> integrations.change(annCalls, connect(Provider.GOOGLE, null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("secret");
        assertThat(w.connections.all()).isEmpty();
    }

    @Test
    void aCalendarIsOnesOwnAndConnectingItIsNotAudited() {
        ConnectionView google = integrations.change(annCalls, connect(Provider.GOOGLE, null, "refresh-token", null)).orElseThrow();

        assertThat(google.organisation()).isFalse();
        assertThat(google.settings()).isEqualTo("{\"calendarId\":\"primary\"}");
        assertThat(google.hasSigningSecret()).isFalse();
        assertThat(w.connections.of(Provider.GOOGLE, ann.id())).isPresent();
        assertThat(integrations.list(annCalls)).containsExactly(google);
        assertThat(integrations.list(adminCalls)).as("someone else's calendar").isEmpty();
        assertThat(w.audited()).isEmpty();
    }

    @Test
    void outlookReachesOnlyOnesOwnMailboxUnlessAnAdministratorNamesAnother() {
        ConnectionView mine = integrations.change(annCalls, connect(Provider.MICROSOFT, null, null, null)).orElseThrow();
        assertThat(mine.settings()).isEqualTo("{\"userId\":\"ann@example.com\"}");
        assertThat(mine.hasSecret()).as("Convene's own app credentials reach it").isFalse();

        assertThatThrownBy(() -> integrations.change(annCalls,
                connect(Provider.MICROSOFT, Map.of("userId", "boss@example.com"), null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only your own mailbox can be connected");
        assertThat(integrations.change(annCalls, connect(Provider.MICROSOFT, Map.of("userId", "ANN@example.com"), null, null))
                .orElseThrow().id()).isEqualTo(mine.id());

        ConnectionView rooms = integrations.change(adminCalls,
                connect(Provider.MICROSOFT, Map.of("userId", "rooms@example.com"), null, null)).orElseThrow();
        assertThat(rooms.settings()).isEqualTo("{\"userId\":\"rooms@example.com\"}");
        assertThat(w.connections.ofUser(admin.id(), List.of(Provider.MICROSOFT))).hasSize(1);
    }

    @Test
    void connectingAgainReplacesTheConnectionAndForgetsItsLastError() {
        ConnectionView first = integrations.change(adminCalls, connect(Provider.SLACK, Map.of("channel", "#a"), "old", "sign"))
                .orElseThrow();
        w.health.failed(first.id(), "invalid_auth");
        assertThat(w.connections.byId(first.id()).orElseThrow().failing()).isTrue();
        w.world.clock.advance(Duration.ofHours(1));

        ConnectionView again = integrations.change(adminCalls, connect(Provider.SLACK, Map.of("channel", "#b"), "new", null))
                .orElseThrow();

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(w.connections.all()).hasSize(1);
        assertThat(again.settings()).contains("#b");
        assertThat(again.lastError()).isNull();
        assertThat(again.connectedAt()).isEqualTo(MeetingWorld.NOW.plus(Duration.ofHours(1)));
        assertThat(w.sealing.open(w.connections.byId(first.id()).orElseThrow().secretSealed())).isEqualTo("new");
    }

    @Test
    void disconnectingRemovesOnlyWhatIsConnectedAndIsAuditedForTheOrganisation() {
        assertThatThrownBy(() -> integrations.change(adminCalls, disconnect(Provider.SLACK)))
                .isInstanceOf(NotFoundException.class).hasMessage("SLACK is not connected");
        integrations.change(adminCalls, connect(Provider.SLACK, Map.of("channel", "#a"), "token", null));
        integrations.change(annCalls, connect(Provider.GOOGLE, null, "refresh", null));

        assertThat(integrations.change(adminCalls, disconnect(Provider.SLACK))).isEmpty();
        assertThat(integrations.change(annCalls, disconnect(Provider.GOOGLE))).isEmpty();

        assertThat(w.connections.all()).isEmpty();
        assertThat(w.audited()).extracting(InMemoryAuditRepository.Audited::action)
                .containsExactly("integration.connected", "integration.disconnected");
    }

    @Test
    void aTeamsWebhookMustBeOnAPublicAddressAndIsNeverRepeatedInTheRefusal() {
        TestConfig.use(Map.of());
        String inside = "http://10.1.2.3/webhookb2/secret-key";

        assertThatThrownBy(() -> integrations.change(adminCalls, connect(Provider.TEAMS, null, inside, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("secret");
                    assertThat(e.getMessage()).doesNotContain("10.1.2.3", "secret-key");
                });
        assertThat(w.connections.all()).isEmpty();

        ConnectionView teams = integrations.change(adminCalls,
                connect(Provider.TEAMS, null, "https://93.184.216.34/webhookb2/secret-key", null)).orElseThrow();
        assertThat(teams.settings()).isEqualTo("{}");
        assertThat(teams.toString()).doesNotContain("secret-key");
    }

    @Test
    void administratorsSeeEveryConnectionTheOrganisationsAndFailingOnesFirst() {
        integrations.change(annCalls, connect(Provider.GOOGLE, null, "refresh", null));
        ConnectionView bobs = integrations.change(MeetingWorld.callerOf(w.world.person("bob")),
                connect(Provider.GOOGLE, null, "refresh", null)).orElseThrow();
        integrations.change(adminCalls, connect(Provider.SLACK, Map.of("channel", "#a"), "token", null));
        w.health.failed(bobs.id(), "invalid_grant");

        assertThat(integrations.overview(adminCalls, 10)).extracting(s -> s.connection().provider(), Integrations.Status::owner)
                .containsExactly(tuple(Provider.SLACK, null), tuple(Provider.GOOGLE, "bob@example.com"),
                        tuple(Provider.GOOGLE, "ann@example.com"));
        assertThat(integrations.overview(adminCalls, 0)).hasSize(1);
        assertThat(integrations.count(adminCalls)).containsExactlyInAnyOrderEntriesOf(Map.of(Provider.GOOGLE, 2L, Provider.SLACK, 1L));
        assertThatThrownBy(() -> integrations.overview(annCalls, 10)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only administrators see every connection");
        assertThatThrownBy(() -> integrations.count(annCalls)).isInstanceOf(AccessDeniedException.class);
        assertThat(integrations.list(adminCalls)).extracting(ConnectionView::provider).containsExactly(Provider.SLACK);
    }
}
