package io.convene.whiteboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws a board as SVG or PNG, in the order its objects were put, on a white page. */
public final class BoardRenderer {

    public static final int WIDTH = 1600;
    public static final int HEIGHT = 900;

    private BoardRenderer() {
    }

    public static String svg(Collection<Shape> shapes) {
        StringBuilder svg = new StringBuilder().append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>", WIDTH, HEIGHT, WIDTH, HEIGHT));
        for (Shape s : shapes) {
            String stroke = String.format(Locale.ROOT, "stroke=\"%s\" stroke-width=\"%.1f\" fill=\"none\"", s.color(), s.width());
            switch (s.type()) {
                case RECT -> svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" %s/>",
                        Math.min(s.x(), s.x() + s.w()), Math.min(s.y(), s.y() + s.h()), Math.abs(s.w()), Math.abs(s.h()), stroke));
                case ELLIPSE -> svg.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\" %s/>",
                        s.x() + s.w() / 2, s.y() + s.h() / 2, Math.abs(s.w() / 2), Math.abs(s.h() / 2), stroke));
                case LINE -> svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" %s/>",
                        s.x(), s.y(), s.x() + s.w(), s.y() + s.h(), stroke));
                case PATH -> {
                    StringBuilder d = new StringBuilder();
                    if (s.points() != null) {
                        for (int i = 0; i < s.points().size(); i++) {
                            d.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                                    s.points().get(i).get(0), s.points().get(i).get(1)));
                        }
                    }
                    svg.append("<path d=\"").append(d).append("\" ").append(stroke).append("/>");
                }
                case TEXT -> svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-size=\"%.0f\">",
                        s.x(), s.y(), s.color(), Math.max(8, s.h() == 0 ? 16 : s.h()))).append(escape(s.text())).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    public static byte[] png(Collection<Shape> shapes) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (Shape s : shapes) {
                g.setColor(Color.decode(s.color()));
                g.setStroke(new BasicStroke(s.width().floatValue()));
                switch (s.type()) {
                    case RECT -> g.draw(new Rectangle2D.Double(Math.min(s.x(), s.x() + s.w()), Math.min(s.y(), s.y() + s.h()),
                            Math.abs(s.w()), Math.abs(s.h())));
                    case ELLIPSE -> g.draw(new Ellipse2D.Double(Math.min(s.x(), s.x() + s.w()), Math.min(s.y(), s.y() + s.h()),
                            Math.abs(s.w()), Math.abs(s.h())));
                    case LINE -> g.draw(new Line2D.Double(s.x(), s.y(), s.x() + s.w(), s.y() + s.h()));
                    case PATH -> {
                        if (s.points() != null && !s.points().isEmpty()) {
                            Path2D.Double path = new Path2D.Double();
                            path.moveTo(s.points().get(0).get(0), s.points().get(0).get(1));
                            s.points().stream().skip(1).forEach(p -> path.lineTo(p.get(0), p.get(1)));
                            g.draw(path);
                        }
                    }
                    case TEXT -> drawText(g, s);
                }
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text needs fonts; a server without any still gets the rest of the board. */
    private static void drawText(Graphics2D g, Shape s) {
        try {
            g.drawString(s.text() == null ? "" : s.text(), (float) s.x(), (float) s.y());
        } catch (RuntimeException | InternalError noFonts) {
            g.draw(new Line2D.Double(s.x(), s.y(), s.x() + 8.0 * (s.text() == null ? 0 : s.text().length()), s.y()));
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
