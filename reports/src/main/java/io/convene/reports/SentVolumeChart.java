package io.convene.reports;

import io.convene.notification.Channel;
import io.convene.notification.SentVolume;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jfree.data.category.DefaultCategoryDataset;

/** Notifications sent per day and channel as a bar chart, drawn on the server for the console. */
public final class SentVolumeChart {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ENGLISH);
    private static final Map<Channel, String> NAMES = Map.of(Channel.IN_APP, "In-app", Channel.EMAIL, "E-mail",
            Channel.SLACK, "Slack direct messages");

    private SentVolumeChart() {
    }

    public static BufferedImage draw(List<SentVolume.Day> days, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (SentVolume.Day d : days) {
            for (Channel c : Channel.values()) {
                data.addValue(d.on(c), NAMES.get(c), DAY.format(d.day()));
            }
        }
        return BarCharts.bars("Notifications sent per day (UTC)", data).createBufferedImage(width, height);
    }
}
