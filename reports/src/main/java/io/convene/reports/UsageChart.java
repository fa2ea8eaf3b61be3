package io.convene.reports;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The organisation's usage over time as a bar chart (active users, meetings and peak concurrent
 * participants per period), drawn on the server by JFreeChart: the same picture for the PDF report
 * and the admin console.
 */
public final class UsageChart {

    private static final Color[] SERIES = {new Color(0x1F6FEB), new Color(0x2DA44E), new Color(0xBF8700)};

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
        JFreeChart chart = ChartFactory.createBarChart("Usage by " + query.period().name().toLowerCase()
                        + ", " + query.from() + " to " + query.to().minusDays(1), null, null, data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        for (int i = 0; i < SERIES.length; i++) {
            bars.setSeriesPaint(i, SERIES[i]);
        }
        CategoryAxis periods = plot.getDomainAxis();
        periods.setCategoryLabelPositions(everyone.size() > 12 ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
        if (everyone.size() > 60) { // too many to name each: the table has them
            periods.setTickLabelsVisible(false);
            periods.setLabel("Periods " + query.period().label(everyone.get(0).period()) + " to "
                    + query.period().label(everyone.get(everyone.size() - 1).period()));
        }
        return chart.createBufferedImage(width, height);
    }
}
