package io.convene.reports;

import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The organisation's usage over time as a bar chart (active users, meetings and peak concurrent
 * participants per period), drawn on the server by JFreeChart: the same picture for the PDF report
 * and the admin console.
 */
public final class UsageChart {

    private UsageChart() {
    }

    /** {@code everyone}: the rows for all departments, one per period, in order. */
    public static BufferedImage draw(UsageQuery query, List<UsageRow> everyone, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (UsageRow r : everyone) {
            String period = query.period().label(r.period());
            data.addValue(r.activeUsers(), "Active users", period);
            data.addValue(r.meetings(), "Meetings", period);
            data.addValue(r.peakParticipants(), "Peak concurrent participants", period);
        }
        JFreeChart chart = BarCharts.bars("Usage by " + query.period().name().toLowerCase()
                + ", " + query.from() + " to " + query.to().minusDays(1), data);
        if (everyone.size() > 60) { // too many to name each: the table has them
            CategoryAxis periods = chart.getCategoryPlot().getDomainAxis();
            periods.setTickLabelsVisible(false);
            periods.setLabel("Periods " + query.period().label(everyone.get(0).period()) + " to "
                    + query.period().label(everyone.get(everyone.size() - 1).period()));
        }
        return chart.createBufferedImage(width, height);
    }
}
