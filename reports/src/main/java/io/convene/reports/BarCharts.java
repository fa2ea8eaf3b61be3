package io.convene.reports;

import java.awt.Color;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Convene's bar charts look alike: white, flat bars in the same colours, labels turned when there are many. */
final class BarCharts {

    private static final Color[] SERIES = {new Color(0x1F6FEB), new Color(0x2DA44E), new Color(0xBF8700)};

    private BarCharts() {
    }

    static JFreeChart bars(String title, DefaultCategoryDataset data) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, null, data, PlotOrientation.VERTICAL, true, false, false);
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
        NumberAxis counts = (NumberAxis) plot.getRangeAxis();
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // counts: no fractions, even when all are 0
        if (allZero(data)) { // the automatic range would centre on 0 and show negative counts
            counts.setRange(0, 1);
        }
        plot.getDomainAxis().setCategoryLabelPositions(data.getColumnCount() > 12
                ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD);
        return chart;
    }

    private static boolean allZero(DefaultCategoryDataset data) {
        for (int row = 0; row < data.getRowCount(); row++) {
            for (int column = 0; column < data.getColumnCount(); column++) {
                Number value = data.getValue(row, column);
                if (value != null && value.doubleValue() != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
