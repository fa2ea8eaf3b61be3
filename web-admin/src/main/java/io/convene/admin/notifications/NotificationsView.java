package io.convene.admin.notifications;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.convene.admin.shell.MainLayout;
import io.convene.admin.shell.Signed;
import io.convene.notification.Channel;
import io.convene.notification.DeadLetters;
import io.convene.notification.DeadLetters.DeadLetter;
import io.convene.notification.EmailDeliveries;
import io.convene.notification.Notices;
import io.convene.notification.SentVolume;
import io.convene.reports.SentVolumeChart;
import io.convene.shared.Caller;
import io.convene.shared.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;

/**
 * Deliveries that failed every attempt (the dead-letter queue) with replay and discard (asked to
 * confirm), and how many notifications went out per day and channel over the last two weeks.
 */
@Route(value = "notifications", layout = MainLayout.class)
@PageTitle("Notifications · Convene console")
@RolesAllowed(Caller.ADMIN)
@Dependent
public class NotificationsView extends VerticalLayout {

    static final int DAYS = 14;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final DeadLetters deadLetters;
    private final SentVolume volume;
    private final Grid<DeadLetter> letters = new Grid<>();
    private final Span parked = new Span();
    private final VerticalLayout chart = new VerticalLayout();

    @Inject
    public NotificationsView(DeadLetters deadLetters, SentVolume volume) {
        this.deadLetters = deadLetters;
        this.volume = volume;
        letters.addColumn(l -> TIME.format(l.firstSent())).setHeader("First sent").setWidth("14em").setFlexGrow(0);
        letters.addColumn(l -> queueName(l.queue())).setHeader("Queue").setWidth("7em").setFlexGrow(0);
        letters.addColumn(l -> l.about().isEmpty() ? l.body() : l.about()).setHeader("What").setFlexGrow(1);
        letters.addComponentColumn(this::actions).setHeader("").setWidth("13em").setFlexGrow(0);
        letters.setAllRowsVisible(true);
        letters.setId("dead-letters");
        letters.getElement().setAttribute("aria-label", "Dead letters");
        parked.setId("dead-letter-count");
        Button refresh = new Button("Refresh", e -> showLetters());
        refresh.setId("dead-letters-refresh");
        chart.setPadding(false);
        add(new H2("Notifications"), new H3("Dead letters"), Rows.wrapping(parked, refresh), letters,
                new H3("Sent, last " + DAYS + " days"), chart);
        showLetters();
        showVolume();
    }

    private HorizontalLayout actions(DeadLetter letter) {
        Button replay = new Button("Replay", e -> act(() -> deadLetters.replay(caller(), letter.id()), "Sent again to "
                + queueName(letter.queue())));
        replay.setAriaLabel("Replay dead letter " + letter.id());
        Button discard = new Button("Discard", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Discard this delivery?",
                    "It is never sent; the audit trail keeps that you discarded it.", "Discard",
                    c -> act(() -> deadLetters.discard(caller(), letter.id()), "Discarded"));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        discard.setAriaLabel("Discard dead letter " + letter.id());
        return new HorizontalLayout(replay, discard);
    }

    private void act(Supplier<DeadLetter> action, String done) {
        try {
            action.get();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (DomainException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        showLetters();
    }

    private void showLetters() {
        try {
            List<DeadLetter> all = deadLetters.list(caller());
            letters.setItems(all);
            parked.setText(all.isEmpty() ? "No failed deliveries are waiting" : all.size() + " failed deliveries wait");
        } catch (DomainException e) {
            letters.setItems(List.of());
            parked.setText("The broker cannot be read now: " + e.getMessage());
        }
    }

    private void showVolume() {
        List<SentVolume.Day> days = volume.lastDays(caller(), DAYS);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(SentVolumeChart.draw(days, 1000, 360), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = png.toByteArray();
        String totals = "In-app " + total(days, Channel.IN_APP) + ", e-mail " + total(days, Channel.EMAIL)
                + ", Slack direct messages " + total(days, Channel.SLACK);
        Image image = new Image(new StreamResource("sent.png", () -> new ByteArrayInputStream(bytes)),
                "Chart of notifications sent per day over the last " + DAYS + " days: " + totals);
        image.setMaxWidth("100%");
        Span summary = new Span("In the last " + DAYS + " days: " + totals);
        summary.setId("sent-totals");
        chart.removeAll();
        chart.add(image, summary);
    }

    private static long total(List<SentVolume.Day> days, Channel channel) {
        return days.stream().mapToLong(d -> d.on(channel)).sum();
    }

    private static String queueName(String queue) {
        return queue == null ? "unknown" : switch (queue) {
            case EmailDeliveries.QUEUE -> "e-mail";
            case Notices.QUEUE -> "notices";
            default -> queue;
        };
    }

    private static Caller caller() {
        return Signed.user().caller();
    }
}
