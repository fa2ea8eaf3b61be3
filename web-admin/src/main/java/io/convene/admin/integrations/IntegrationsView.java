package io.convene.admin.integrations;

import io.convene.shared.Jsons;
import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.convene.admin.shell.FieldErrors;
import io.convene.admin.shell.MainLayout;
import io.convene.admin.shell.Signed;
import io.convene.integration.ConnectRequest;
import io.convene.integration.ConnectionChecks;
import io.convene.integration.ConnectionView;
import io.convene.integration.Integrations;
import io.convene.integration.Provider;
import io.convene.operations.PartsHealth;
import io.convene.shared.Caller;
import io.convene.shared.DomainException;
import io.convene.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The outside services: the organisation's Slack and Teams (connect, test, disconnect), the
 * calendars people connected (Google, Outlook) with the app settings they use, and the mail
 * server. Settings that come from configuration are shown, secrets only as set or not.
 */
@Route(value = "integrations", layout = MainLayout.class)
@PageTitle("Integrations · Convene console")
@RolesAllowed(Caller.ADMIN)
@Dependent
public class IntegrationsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int SHOWN = 200;

    private final Integrations integrations;
    private final ConnectionChecks checks;
    private final PartsHealth health;
    private final TextField slackChannel = new TextField("Channel id");
    private final PasswordField slackToken = new PasswordField("Bot token");
    private final PasswordField slackSigning = new PasswordField("Signing secret (for /convene)");
    private final PasswordField teamsWebhook = new PasswordField("Incoming-webhook URL");
    private final Span slackState = new Span();
    private final Span teamsState = new Span();
    private final Span outcome = new Span();
    private final Grid<Integrations.Status> calendars = new Grid<>();
    private final Span calendarCounts = new Span();

    @Inject
    public IntegrationsView(Integrations integrations, ConnectionChecks checks, PartsHealth health) {
        this.integrations = integrations;
        this.checks = checks;
        this.health = health;
        slackChannel.setId("slack-channel");
        slackToken.setId("slack-token");
        slackToken.setHelperText("Needed each time Slack is connected; never shown");
        slackSigning.setId("slack-signing-secret");
        slackSigning.setHelperText("Left empty when connecting again, the one given before is kept; never shown");
        teamsWebhook.setId("teams-webhook");
        teamsWebhook.setHelperText("It carries its own key: kept sealed, never shown");
        slackState.setId("slack-state");
        teamsState.setId("teams-state");
        outcome.setId("integration-outcome");
        outcome.getElement().setAttribute("role", "status");

        Button slackConnect = new Button("Connect Slack", e -> connect(Provider.SLACK,
                Map.of("channel", slackChannel.getValue()), slackToken.getValue(), slackSigning.getValue()));
        slackConnect.setId("slack-connect");
        slackConnect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button slackTest = new Button("Test connection", e -> test(Provider.SLACK));
        slackTest.setId("slack-test");
        Button slackDisconnect = disconnectButton(Provider.SLACK, "slack-disconnect");
        FormLayout slackForm = new FormLayout(slackChannel, slackToken, slackSigning);

        Button teamsConnect = new Button("Connect Teams", e -> connect(Provider.TEAMS, Map.of(), teamsWebhook.getValue(), null));
        teamsConnect.setId("teams-connect");
        teamsConnect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button teamsDisconnect = disconnectButton(Provider.TEAMS, "teams-disconnect");

        calendars.addColumn(s -> s.connection().provider() == Provider.GOOGLE ? "Google" : "Outlook").setHeader("Calendar").setAutoWidth(true);
        calendars.addColumn(s -> s.owner() == null ? "" : s.owner()).setHeader("Whose").setFlexGrow(1);
        calendars.addColumn(s -> time(s.connection().lastSuccessAt())).setHeader("Last success").setAutoWidth(true);
        calendars.addColumn(s -> time(s.syncedAt())).setHeader("Last read back").setAutoWidth(true);
        calendars.addColumn(IntegrationsView::lastError).setHeader("Last error").setFlexGrow(1);
        calendars.addComponentColumn(s -> {
            Button test = new Button("Test", e -> test(s.connection().id()));
            test.setAriaLabel("Test the calendar connection of " + s.owner());
            return test;
        }).setAutoWidth(true);
        calendars.setAllRowsVisible(true);
        calendars.setId("calendar-connections");
        calendars.getElement().setAttribute("aria-label", "Calendar connections");

        Button mailTest = new Button("Test mail server", e -> {
            PartsHealth.Part mail = health.mailServer(caller());
            say("Mail: " + mail.state() + " — " + mail.detail(), mail.state() == PartsHealth.State.UP
                    ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        });
        mailTest.setId("mail-test");

        add(new H2("Integrations"), outcome,
                new H3("Slack"), slackState, slackForm, Rows.wrapping(slackConnect, slackTest, slackDisconnect),
                settings("convene.slack.api-url~"),
                new H3("Microsoft Teams"), teamsState, teamsWebhook, Rows.wrapping(teamsConnect, teamsDisconnect),
                new Span("Teams incoming webhooks cannot be tested without posting a message: the last delivery shows whether it works."),
                new H3("Calendars"), calendarCounts,
                new Span("Google: "), settings("convene.google.client-id", "convene.google.client-secret*",
                        "convene.google.token-url~", "convene.google.api-url~"),
                new Span("Outlook (Microsoft Graph): "), settings("convene.microsoft.tenant", "convene.microsoft.client-id",
                        "convene.microsoft.client-secret*", "convene.microsoft.login-url~", "convene.microsoft.graph-url~"),
                calendars,
                new H3("E-mail (SMTP)"), settings("convene.mail.host", "convene.mail.port~", "convene.mail.from~",
                        "convene.mail.user", "convene.mail.password*", "convene.mail.starttls~"), mailTest);
        show();
    }

    private Button disconnectButton(Provider provider, String id) {
        Button disconnect = new Button("Disconnect", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Disconnect " + name(provider) + "?",
                    "Convene stops announcing meetings there and forgets the token.", "Disconnect",
                    c -> act(() -> integrations.change(caller(), new ConnectRequest(provider, ConnectRequest.Action.DISCONNECT,
                            null, null, null)), name(provider) + " disconnected"));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        disconnect.setId(id);
        disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return disconnect;
    }

    private void connect(Provider provider, Map<String, String> settings, String secret, String signingSecret) {
        List.<HasValidation>of(slackChannel, slackToken, teamsWebhook).forEach(f -> f.setInvalid(false));
        try {
            integrations.change(caller(), new ConnectRequest(provider, ConnectRequest.Action.CONNECT, new HashMap<>(settings),
                    secret, signingSecret == null || signingSecret.isEmpty() ? null : signingSecret));
            slackToken.clear();
            slackSigning.clear();
            teamsWebhook.clear();
            outcome.setText(name(provider) + " connected");
            show();
        } catch (InvalidInputException e) {
            FieldErrors.show(e, name -> switch (name) {
                case "settings.channel" -> slackChannel;
                case "secret" -> provider == Provider.SLACK ? slackToken : teamsWebhook;
                default -> null;
            }, outcome::setText);
        } catch (DomainException e) {
            outcome.setText(e.getMessage());
        }
    }

    private void test(Provider provider) {
        organisation(integrations.overview(caller(), SHOWN), provider).ifPresentOrElse(c -> test(c.id()), () -> outcome.setText(name(provider) + " is not connected"));
    }

    private void test(UUID connectionId) {
        try {
            say("Connected: " + checks.check(caller(), connectionId), NotificationVariant.LUMO_SUCCESS);
        } catch (DomainException e) {
            say("Test failed: " + e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        show();
    }

    /** Shown at the top for screen readers and as a toast where the person is looking, however far down. */
    private void say(String text, NotificationVariant variant) {
        outcome.setText(text);
        Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            say(done, NotificationVariant.LUMO_SUCCESS);
        } catch (DomainException e) {
            say(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        show();
    }

    private void show() {
        List<Integrations.Status> all = integrations.overview(caller(), SHOWN);
        slackState.setText(state(all, Provider.SLACK));
        teamsState.setText(state(all, Provider.TEAMS));
        organisation(all, Provider.SLACK).ifPresent(c -> slackChannel.setValue(channelOf(c.settings())));
        Map<Provider, Long> counts = integrations.count(caller());
        calendarCounts.setText("Connected calendars: Google " + counts.getOrDefault(Provider.GOOGLE, 0L) + ", Outlook "
                + counts.getOrDefault(Provider.MICROSOFT, 0L) + (all.size() == SHOWN ? " (the first " + SHOWN + " shown, failing first)" : ""));
        calendars.setItems(all.stream().filter(s -> !s.connection().organisation()).toList());
    }

    private static String state(List<Integrations.Status> all, Provider provider) {
        return organisation(all, provider).map(c -> "Connected since " + time(c.connectedAt())
                + (c.lastSuccessAt() == null ? "; nothing delivered yet" : "; last success " + time(c.lastSuccessAt()))
                + (c.lastErrorAt() != null && (c.lastSuccessAt() == null || c.lastErrorAt().isAfter(c.lastSuccessAt()))
                        ? "; failing since " + time(c.lastErrorAt()) + ": " + c.lastError() : ""))
                .orElse("Not connected");
    }

    private static Optional<ConnectionView> organisation(List<Integrations.Status> all, Provider provider) {
        return all.stream().map(Integrations.Status::connection)
                .filter(c -> c.organisation() && c.provider() == provider).findFirst();
    }

    /**
     * Configured settings, read-only: names ending in {@code *} are secrets, shown as set or not;
     * names ending in {@code ~} have a built-in default used when they are not set.
     */
    private static Component settings(String... names) {
        var config = ConfigProvider.getConfig();
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            boolean secret = name.endsWith("*");
            boolean defaulted = name.endsWith("~");
            String key = secret || defaulted ? name.substring(0, name.length() - 1) : name;
            Optional<String> value = config.getOptionalValue(key, String.class);
            text.append(text.length() == 0 ? "" : " · ").append(key).append(" = ")
                    .append(value.isEmpty() ? (defaulted ? "the default" : "not set") : secret ? "set (hidden)" : value.get());
        }
        Span span = new Span(text.toString());
        span.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return span;
    }

    private static String channelOf(String settings) {
        try (var reader = Jsons.createReader(new java.io.StringReader(settings))) {
            return reader.readObject().getString("channel", "");
        }
    }

    private static String lastError(Integrations.Status s) {
        ConnectionView c = s.connection();
        return c.lastError() == null ? "" : time(c.lastErrorAt()) + ": " + c.lastError();
    }

    private static String name(Provider provider) {
        return provider == Provider.TEAMS ? "Microsoft Teams" : provider == Provider.SLACK ? "Slack" : provider.name();
    }

    private static String time(Instant at) {
        return at == null ? "never" : TIME.format(at);
    }

    private static Caller caller() {
        return Signed.user().caller();
    }
}
