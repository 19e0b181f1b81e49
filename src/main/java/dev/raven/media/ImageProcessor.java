package dev.raven.media;

import dev.raven.http.ApiException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns uploaded bytes into a stored picture and its preview. In order, each step before
 * anything costly: the type from the bytes (415), the size in pixels from the header alone
 * (413: a decompression bomb is never allocated), the structure while stripping metadata
 * (400 when truncated or broken), then one decode, subsampled at the source so that memory
 * stays bounded whatever the picture's size, for the preview. At most one decode per core
 * runs at a time, and a picture to be turned upright (decoded larger) runs alone; the others
 * wait their turn.
 */
final class ImageProcessor {
    /** The preview's long side, in pixels. */
    static final int PREVIEW_SIZE = 640;
    /**
     * A picture turned upright is re-encoded at most this long on its long side: decoded, then
     * drawn turned, it holds two copies (up to about 30 MB here, 90 MB for a 12 MP phone photo
     * at full size), which a 128 MB heap cannot spare.
     */
    static final int ROTATED_MAX = 2048;

    private final long maxPixels;
    private final int concurrentDecodes;
    private final Semaphore decodes;

    ImageProcessor(long maxPixels, int concurrentDecodes) {
        this.maxPixels = maxPixels;
        this.concurrentDecodes = Math.max(1, concurrentDecodes);
        this.decodes = new Semaphore(this.concurrentDecodes, true);
        ImageIO.setUseCache(false); // never spill to temporary files
    }

    /** A processed upload: the cleaned picture, and the preview (the same bytes when already small). */
    record Processed(ImageKind kind, byte[] bytes, int width, int height, ImageKind previewKind, byte[] preview) {
    }

    Processed process(byte[] upload) {
        ImageKind kind = ImageKind.sniff(upload).orElseThrow(() -> new ApiException(415, "unsupported_media_type",
                "Only JPEG, PNG, GIF and WebP pictures can be uploaded (this file is none of them)."));
        try {
            Dimensions size = dimensions(kind, upload);
            checkPixels(size.width(), size.height());
            MetadataStripper.Stripped stripped = MetadataStripper.strip(kind, upload);
            int permits = turnsUpright(kind, stripped) ? concurrentDecodes : 1;
            decodes.acquireUninterruptibly(permits);
            try {
                return finish(kind, stripped, size);
            } finally {
                decodes.release(permits);
            }
        } catch (CorruptImage e) {
            throw corrupt(e.getMessage());
        }
    }

    private record Dimensions(int width, int height) {
    }

    /** Width and height from the header, without decoding a pixel. */
    private static Dimensions dimensions(ImageKind kind, byte[] bytes) throws CorruptImage {
        ImageReader reader = reader(kind);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            return new Dimensions(reader.getWidth(0), reader.getHeight(0));
        } catch (IOException | RuntimeException e) {
            throw new CorruptImage("The picture's header cannot be read.");
        } finally {
            reader.dispose();
        }
    }

    private void checkPixels(long width, long height) {
        if (width <= 0 || height <= 0) {
            throw corrupt("The picture has no pixels.");
        }
        if (width * height > maxPixels) {
            throw new ApiException(413, "too_many_pixels", "The picture is " + width + " x " + height
                    + " pixels; at most " + maxPixels + " pixels are accepted (media.max.pixels).");
        }
    }

    private static boolean turnsUpright(ImageKind kind, MetadataStripper.Stripped stripped) {
        return kind == ImageKind.JPEG && stripped.orientation() != 1;
    }

    private Processed finish(ImageKind kind, MetadataStripper.Stripped stripped, Dimensions size) throws CorruptImage {
        byte[] bytes = stripped.bytes();
        int width = size.width();
        int height = size.height();
        if (turnsUpright(kind, stripped)) {
            BufferedImage upright = orient(decode(kind, bytes, subsampling(width, height, ROTATED_MAX)),
                    stripped.orientation());
            bytes = jpeg(upright);
            width = upright.getWidth();
            height = upright.getHeight();
        }
        if (Math.max(width, height) <= PREVIEW_SIZE) {
            // Validates the whole file (a corrupt one fails here) and needs no separate preview.
            decode(kind, bytes, 1);
            return new Processed(kind, bytes, width, height, kind, bytes);
        }
        BufferedImage decoded = decode(kind, bytes, subsampling(width, height, PREVIEW_SIZE * 2));
        BufferedImage preview = scaled(decoded, PREVIEW_SIZE);
        boolean alpha = preview.getColorModel().hasAlpha();
        ImageKind previewKind = alpha ? ImageKind.PNG : ImageKind.JPEG;
        byte[] previewBytes = alpha ? png(preview) : jpeg(preview);
        return new Processed(kind, bytes, width, height, previewKind, previewBytes);
    }

    /** Every n-th pixel, so that the decoded long side is at most {@code target}. */
    private static int subsampling(int width, int height, int target) {
        // Rounded up: rounded down, a long side just under twice the target was decoded whole.
        return Math.max(1, (Math.max(width, height) + target - 1) / target);
    }

    /** Decodes the first frame; a warning (a truncated or damaged stream) counts as corrupt. */
    private static BufferedImage decode(ImageKind kind, byte[] bytes, int subsampling) throws CorruptImage {
        ImageReader reader = reader(kind);
        AtomicReference<String> warning = new AtomicReference<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, message) -> warning.compareAndSet(null, message));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (warning.get() != null) {
                throw new CorruptImage("The picture is damaged or incomplete.");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new CorruptImage("The picture cannot be decoded (damaged or incomplete).");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(ImageKind kind) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(kind.contentType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + kind.contentType());
        }
        return readers.next();
    }

    /** Applies an EXIF orientation (2..8) so the picture shows upright without it. */
    static BufferedImage orient(BufferedImage src, int orientation) {
        int w = src.getWidth();
        int h = src.getHeight();
        AffineTransform t = new AffineTransform();
        boolean swap = orientation >= 5;
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { return src; }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(src, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage scaled(BufferedImage src, int longSide) {
        double factor = Math.min(1.0, (double) longSide / Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(src.getHeight() * factor));
        boolean alpha = src.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static byte[] jpeg(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            try {
                g.drawImage(image, 0, 0, java.awt.Color.WHITE, null);
            } finally {
                g.dispose();
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.88f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed in memory", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed in memory", e);
        }
        return out.toByteArray();
    }

    private static ApiException corrupt(String message) {
        return new ApiException(400, "corrupt_image", message);
    }
}
