package io.convene.user;

import io.convene.shared.InvalidInputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A profile picture as Convene keeps it: the middle square of the uploaded PNG, JPEG or GIF, made
 * {@value #SIDE} pixels wide and written again as PNG, so that no byte of the upload (its metadata,
 * a camera's location) is kept or served. Images too large to decode safely are refused before decoding.
 */
final class PictureImage {

    static final int SIDE = 256;
    static final int MOST_BYTES = 5 * 1024 * 1024;
    private static final int MOST_PIXELS_A_SIDE = 8000;
    private static final String REFUSED = "must be a PNG, JPEG or GIF image";

    private PictureImage() {
    }

    static byte[] squared(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException("picture", "choose an image");
        }
        if (upload.length > MOST_BYTES) {
            throw new InvalidInputException("picture", "must be at most " + MOST_BYTES / (1024 * 1024) + " MB");
        }
        BufferedImage image = decoded(upload);
        int side = Math.min(image.getWidth(), image.getHeight());
        BufferedImage square = image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
        BufferedImage small = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(square, 0, 0, SIDE, SIDE, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(small, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** Decoded only by the readers of PNG, JPEG and GIF, and only when its size says it is not too large. */
    private static BufferedImage decoded(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg") && !format.equals("gif")) {
                    continue;
                }
                try {
                    reader.setInput(in, true, true);
                    int width = reader.getWidth(0);
                    int height = reader.getHeight(0);
                    if (width > MOST_PIXELS_A_SIDE || height > MOST_PIXELS_A_SIDE) {
                        throw new InvalidInputException("picture", "must be at most " + MOST_PIXELS_A_SIDE + " pixels a side");
                    }
                    if (width < 16 || height < 16) {
                        throw new InvalidInputException("picture", "must be at least 16 pixels a side");
                    }
                    return reader.read(0);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException refused) {
                throw refused;
            }
            throw new InvalidInputException("picture", REFUSED);
        }
        throw new InvalidInputException("picture", REFUSED);
    }
}
