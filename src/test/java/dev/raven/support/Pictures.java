package dev.raven.support;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Pictures the tests make themselves (ImageIO), and the broken and hostile ones they need. */
public final class Pictures {
    private Pictures() {
    }

    /** A picture with some structure (so JPEG has something to compress), in the given colour. */
    public static BufferedImage image(int width, int height, Color color) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 2)); // top-left marker, to see orientation
        g.dispose();
        return img;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(image(width, height, Color.BLUE), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(image(width, height, Color.GREEN), "png");
    }

    public static byte[] gif(int width, int height) {
        return encode(image(width, height, Color.RED), "gif");
    }

    /** A noisy JPEG of about {@code bytes} bytes (noise does not compress), for size tests and the bench. */
    public static byte[] noisyJpeg(int width, int height, long seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return encode(img, "jpeg");
    }

    public static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A JPEG with an EXIF APP1 segment right after SOI: an orientation tag and a GPS IFD
     * holding a latitude, with the marker text "GPSPOSITION" in a GPS text field so tests
     * can search for it.
     */
    public static byte[] jpegWithGpsExif(int width, int height, int orientation) {
        byte[] jpeg = jpeg(width, height);
        byte[] app1 = exifApp1(orientation);
        byte[] out = new byte[jpeg.length + app1.length];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        System.arraycopy(app1, 0, out, 2, app1.length);
        System.arraycopy(jpeg, 2, out, 2 + app1.length, jpeg.length - 2);
        return out;
    }

    /** A TIFF structure (little-endian): IFD0 with Orientation and GPSInfo; the GPS IFD with latitude and a text. */
    private static byte[] exifApp1(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: 2 entries
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        int gpsIfd = 8 + 2 + 2 * 12 + 4;
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        tiff.putInt(0); // no next IFD
        // GPS IFD: latitude ref, latitude (3 rationals), processing method text
        int dataAt = gpsIfd + 2 + 3 * 12 + 4;
        byte[] text = "ASCII\0\0\0GPSPOSITION 48.8584N 2.2945E".getBytes(StandardCharsets.ISO_8859_1);
        tiff.putShort((short) 3);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(dataAt);
        tiff.putShort((short) 0x001B).putShort((short) 7).putInt(text.length).putInt(dataAt + 24);
        tiff.putInt(0);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(3012).putInt(100);
        tiff.put(text);
        byte[] tiffBytes = Arrays.copyOf(tiff.array(), tiff.position());
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exifHeader.length + tiffBytes.length;
        ByteBuffer seg = ByteBuffer.allocate(2 + length).order(ByteOrder.BIG_ENDIAN);
        seg.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(exifHeader).put(tiffBytes);
        return seg.array();
    }

    /**
     * A PNG header claiming {@code width} x {@code height} pixels, followed by a tiny
     * (invalid) image: decoding it would allocate width * height pixels.
     */
    public static byte[] pngBomb(int width, int height) {
        byte[] small = png(1, 1);
        ByteBuffer b = ByteBuffer.wrap(small.clone()).order(ByteOrder.BIG_ENDIAN);
        b.putInt(16, width);
        b.putInt(20, height);
        byte[] out = b.array();
        // fix the IHDR CRC so the header itself reads as valid
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(out, 12, 17);
        ByteBuffer.wrap(out).order(ByteOrder.BIG_ENDIAN).putInt(29, (int) crc.getValue());
        return out;
    }

    /** A 1 x 1 lossless WebP (no encoder in the JDK: these are its bytes, VP8L). */
    public static byte[] webp() {
        return riff(chunk("VP8L", VP8L_1X1));
    }

    private static final byte[] VP8L_1X1 = {0x2f, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88,
            (byte) 0x88, (byte) 0xfe, 0x07, 0x00};

    /** The same picture in the extended format, with EXIF and XMP chunks that carry GPS text. */
    public static byte[] webpWithExif() {
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04 | 0x10; // EXIF, XMP, alpha
        // canvas 1 x 1: width-1 and height-1 as 24-bit little-endian, zero
        return riff(chunk("VP8X", vp8x), chunk("VP8L", VP8L_1X1),
                chunk("EXIF", "Exif GPSPOSITION 48.8584N".getBytes(StandardCharsets.ISO_8859_1)),
                chunk("XMP ", "<x:xmpmeta>GPSPOSITION</x:xmpmeta>".getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(type.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] riff(byte[]... chunks) {
        int size = 4;
        for (byte[] c : chunks) {
            size += c.length;
        }
        ByteBuffer b = ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(size).put("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] c : chunks) {
            b.put(c);
        }
        return b.array();
    }

    /**
     * An animated GIF of {@code frames} frames that loops (NETSCAPE2.0), with a comment
     * extension ("GPSPOSITION ...") and a foreign application extension ("XMP DataXMP").
     */
    public static byte[] animatedGif(int width, int height, int frames) {
        try {
            javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (javax.imageio.stream.ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames; i++) {
                    BufferedImage frame = image(width, height, i % 2 == 0 ? Color.RED : Color.BLUE);
                    javax.imageio.ImageTypeSpecifier type = javax.imageio.ImageTypeSpecifier.createFromRenderedImage(frame);
                    javax.imageio.metadata.IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
                    String format = meta.getNativeMetadataFormatName();
                    javax.imageio.metadata.IIOMetadataNode root =
                            (javax.imageio.metadata.IIOMetadataNode) meta.getAsTree(format);
                    javax.imageio.metadata.IIOMetadataNode gce = new javax.imageio.metadata.IIOMetadataNode(
                            "GraphicControlExtension");
                    gce.setAttribute("disposalMethod", "none");
                    gce.setAttribute("userInputFlag", "FALSE");
                    gce.setAttribute("transparentColorFlag", "FALSE");
                    gce.setAttribute("delayTime", "10");
                    gce.setAttribute("transparentColorIndex", "0");
                    root.appendChild(gce);
                    if (i == 0) {
                        javax.imageio.metadata.IIOMetadataNode apps = new javax.imageio.metadata.IIOMetadataNode(
                                "ApplicationExtensions");
                        apps.appendChild(application("NETSCAPE", "2.0", new byte[]{1, 0, 0}));
                        apps.appendChild(application("XMP Data", "XMP",
                                "<x:xmpmeta>GPSPOSITION</x:xmpmeta>".getBytes(StandardCharsets.ISO_8859_1)));
                        root.appendChild(apps);
                        javax.imageio.metadata.IIOMetadataNode comments = new javax.imageio.metadata.IIOMetadataNode(
                                "CommentExtensions");
                        javax.imageio.metadata.IIOMetadataNode comment = new javax.imageio.metadata.IIOMetadataNode(
                                "CommentExtension");
                        comment.setAttribute("value", "GPSPOSITION 48.8584N");
                        comments.appendChild(comment);
                        root.appendChild(comments);
                    }
                    meta.setFromTree(format, root);
                    writer.writeToSequence(new javax.imageio.IIOImage(frame, null, meta), null);
                }
                writer.endWriteSequence();
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static javax.imageio.metadata.IIOMetadataNode application(String id, String auth, byte[] data) {
        javax.imageio.metadata.IIOMetadataNode node = new javax.imageio.metadata.IIOMetadataNode("ApplicationExtension");
        node.setAttribute("applicationID", id);
        node.setAttribute("authenticationCode", auth);
        node.setUserObject(data);
        return node;
    }

    /** How many frames a GIF has (ImageIO). */
    public static int gifFrames(byte[] gif) {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(
                new java.io.ByteArrayInputStream(gif))) {
            javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            return reader.getNumImages(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code fraction} of the bytes. */
    public static byte[] truncated(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
