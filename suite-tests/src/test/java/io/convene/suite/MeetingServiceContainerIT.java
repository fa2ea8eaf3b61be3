package io.convene.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.meeting.ParticipantTickets;
import io.convene.meeting.ParticipantTickets.Kind;
import io.convene.meeting.JoinOutcome;
import io.convene.meeting.JoinRequest;
import io.convene.meeting.MeetingChanges;
import io.convene.meeting.MeetingDetails;
import io.convene.meeting.MeetingDraft;
import io.convene.meeting.MeetingService;
import io.convene.shared.AccessDeniedException;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import io.convene.user.Registration;
import io.convene.user.UserProfile;
import io.convene.user.UserService;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The services inside Payara Micro (Arquillian, payara-micro-managed), deployed as the real Convene
 * WAR against a real PostgreSQL: transactions, migrations, guest tickets, first sign-in.
 */
@ExtendWith(ArquillianExtension.class)
class MeetingServiceContainerIT {

    @Inject
    MeetingService meetings;

    @Inject
    UserService users;

    @Inject
    ParticipantTickets tickets;

    @Resource(lookup = "jdbc/convene")
    DataSource dataSource;

    /**
     * Runs on the client before deployment: the database must be up when Flyway runs at deployment;
     * the Micro JVM already knows its ports (arquillian.xml). {@link ContainerTestServers} stays on
     * the client: it is not in the deployment.
     */
    @Deployment
    static WebArchive convene() {
        ContainerTestServers.start();
        File assertj = new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("convene.micro.war")))
                .addAsLibraries(assertj);
    }

    private static Caller caller(String name, String... roles) {
        return new Caller("subject-" + name + "-" + UUID.randomUUID(), name, name + "-" + UUID.randomUUID() + "@example.com",
                Set.of(roles), null, true);
    }

    private static MeetingDraft draft(String title, Boolean allowGuests) {
        LocalDateTime start = LocalDateTime.now().plusDays(30).truncatedTo(ChronoUnit.HOURS);
        return new MeetingDraft(title, null, start.toString(), start.plusHours(1).toString(), "Europe/Berlin", null,
                false, allowGuests, null, List.of(), null, null, null);
    }

    @Test
    void flywayMigratedTheSchemaAtDeployment() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select version, success from flyway_schema_history where version = '1'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getBoolean("success")).isTrue();
        }
    }

    @Test
    void anEditThatFailsHalfwayWritesNothing() {
        Caller host = caller("host", Caller.HOST);
        MeetingDetails m = meetings.schedule(host, draft("Before", false));

        MeetingChanges contradictory = new MeetingChanges("After", "new agenda", null, null, null, "1234", true,
                null, null, null, null, null, null);
        assertThatThrownBy(() -> meetings.edit(host, m.id().toString(), contradictory, false))
                .isInstanceOf(InvalidInputException.class);

        MeetingDetails after = meetings.details(host, m.id().toString());
        assertThat(after.title()).as("the title change before the refusal was rolled back").isEqualTo("Before");
        assertThat(after.agenda()).isNull();
    }

    @Test
    void guestTicketsNameTheirParticipationAndOnlyTheirMeeting() {
        Caller host = caller("host", Caller.HOST);
        MeetingDetails m = meetings.schedule(host, draft("Guests welcome", true));
        MeetingDetails other = meetings.schedule(host, new MeetingDraft("Other", null,
                LocalDateTime.now().plusDays(31).truncatedTo(ChronoUnit.HOURS).toString(),
                LocalDateTime.now().plusDays(31).truncatedTo(ChronoUnit.HOURS).plusHours(1).toString(),
                "UTC", null, null, true, null, null, null, null, null));
        String token = m.joinUrl().replaceAll(".*\\?t=", "").replaceAll("&.*", "");

        JoinOutcome guest = meetings.joinAsGuest(m.id().toString(), new JoinRequest(token, null, "Gail", null),
                "address:test", io.convene.meeting.GuestLineage.UNKNOWN);

        assertThat(tickets.verify(guest.guestTicket(), m.id(), Kind.GUEST)).isEqualTo(guest.participationId());
        assertThat(tickets.verify(guest.channelTicket(), m.id(), Kind.CHANNEL)).isEqualTo(guest.participationId());
        assertThatThrownBy(() -> tickets.verify(guest.guestTicket(), other.id(), Kind.GUEST))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> tickets.verify(guest.guestTicket() + "x", m.id(), Kind.GUEST))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> tickets.verify(guest.channelTicket(), m.id(), Kind.GUEST))
                .as("a channel ticket is no guest ticket").isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void selfRegistrationIsOffUnlessAnAdministratorTurnsItOn() {
        // this deployment has no convene.registration.enabled: the product's default
        assertThatThrownBy(() -> users.register(new Registration("someone@example.com", "long enough secret",
                "Someone", null)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("disabled");
    }

    @Test
    void theFirstSightOfASubjectCreatesOneUser() {
        Caller newcomer = caller("newcomer", Caller.PARTICIPANT);

        UserProfile first = users.profile(newcomer);
        UserProfile second = users.profile(newcomer);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(first.email()).isEqualTo(newcomer.email());
        assertThat(first.timeZone()).isEqualTo("UTC");
    }
}
