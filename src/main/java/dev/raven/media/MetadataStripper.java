package dev.raven.media;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Removes what a picture says about where and how it was taken, without decoding or
 * re-encoding it (no quality lost): JPEG APPn segments other than JFIF, ICC and Adobe, and
 * comments; PNG text, eXIf and time chunks; GIF comments and application extensions other
 * than the looping ones (animation is kept); WebP EXIF and XMP chunks. Walking the
 * structure also finds a truncated or malformed file, which is refused.
 */
final class MetadataStripper {
    private MetadataStripper() {
    }

    /** A cleaned picture; {@code orientation} is the EXIF orientation a JPEG carried (1 = upright). */
    record Stripped(byte[] bytes, int orientation) {
    }

    static Stripped strip(ImageKind kind, byte[] b) throws CorruptImage {
        return switch (kind) {
            case JPEG -> jpeg(b);
            case PNG -> new Stripped(png(b), 1);
            case GIF -> new Stripped(gif(b), 1);
            case WEBP -> new Stripped(webp(b), 1);
        };
    }

    // --- JPEG ------------------------------------------------------------------------

    private static Stripped jpeg(byte[] b) throws CorruptImage {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xFF);
        out.write(0xD8);
        int orientation = 1;
        int i = 2;
        while (true) {
            if (i + 1 >= b.length) {
                throw new CorruptImage("The JPEG ends before its image data.");
            }
            if ((b[i] & 0xFF) != 0xFF) {
                throw new CorruptImage("The JPEG's structure is broken.");
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
                i += 2;
                continue;
            }
            if (marker == 0xD8 || marker == 0xD9) {
                throw new CorruptImage("The JPEG's structure is broken.");
            }
            if (i + 4 > b.length) {
                throw new CorruptImage("The JPEG ends before its image data.");
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            int end = i + 2 + length;
            if (length < 2 || end > b.length) {
                throw new CorruptImage("The JPEG ends in the middle of a segment.");
            }
            if (marker == 0xDA) { // start of scan: image data up to the end marker
                int eoi = endOfImage(b, end);
                out.write(b, i, eoi - i);
                return new Stripped(out.toByteArray(), orientation);
            }
            boolean keep;
            if (marker == 0xE1 && startsWith(b, i + 4, end, "Exif\0\0")) {
                orientation = exifOrientation(b, i + 10, end);
                keep = false;
            } else if (marker >= 0xE0 && marker <= 0xEF) {
                keep = (marker == 0xE0 && startsWith(b, i + 4, end, "JFIF\0"))
                        || (marker == 0xE2 && startsWith(b, i + 4, end, "ICC_PROFILE\0"))
                        || (marker == 0xEE && startsWith(b, i + 4, end, "Adobe"));
            } else {
                keep = marker != 0xFE; // comments go
            }
            if (keep) {
                out.write(b, i, end - i);
            }
            i = end;
        }
    }

    /** The index just past the EOI marker; entropy-coded data never holds FF D9 (FF is stuffed). */
    private static int endOfImage(byte[] b, int from) throws CorruptImage {
        for (int j = from; j + 1 < b.length; j++) {
            if ((b[j] & 0xFF) == 0xFF && (b[j + 1] & 0xFF) == 0xD9) {
                return j + 2;
            }
        }
        throw new CorruptImage("The JPEG is truncated (no end of image).");
    }

    /** Tag 0x0112 of IFD0 in the TIFF structure at {@code tiff}; 1 when absent or unreadable. */
    static int exifOrientation(byte[] b, int tiff, int end) {
        try {
            boolean little;
            if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
                little = true;
            } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
                little = false;
            } else {
                return 1;
            }
            long ifd = tiff + u32(b, tiff + 4, little);
            int count = u16(b, (int) ifd, little);
            for (int e = 0; e < count; e++) {
                int entry = (int) ifd + 2 + e * 12;
                if (entry + 12 > end) {
                    return 1;
                }
                if (u16(b, entry, little) == 0x0112) {
                    int value = u16(b, entry + 8, little);
                    return value >= 1 && value <= 8 ? value : 1;
                }
            }
            return 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            return 1;
        }
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? x | (y << 8) : (x << 8) | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long x = u16(b, at, little);
        long y = u16(b, at + 2, little);
        return little ? x | (y << 16) : (x << 16) | y;
    }

    // --- PNG -------------------------------------------------------------------------

    private static byte[] png(byte[] b) throws CorruptImage {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 8);
        int i = 8;
        while (true) {
            if (i + 8 > b.length) {
                throw new CorruptImage("The PNG is truncated (no IEND chunk).");
            }
            long length = ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8)
                    | (b[i + 3] & 0xFF);
            long end = i + 12 + length;
            if (end > b.length) {
                throw new CorruptImage("The PNG ends in the middle of a chunk.");
            }
            String type = new String(b, i + 4, 4, StandardCharsets.ISO_8859_1);
            boolean drop = type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt")
                    || type.equals("eXIf") || type.equals("tIME");
            if (!drop) {
                out.write(b, i, (int) (end - i));
            }
            i = (int) end;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    // --- GIF -------------------------------------------------------------------------

    private static byte[] gif(byte[] b) throws CorruptImage {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        int i = 13;
        need(b, i, "GIF");
        if ((b[10] & 0x80) != 0) {
            i += 3 * (1 << ((b[10] & 0x07) + 1));
        }
        out.write(b, 0, i);
        while (true) {
            need(b, i + 1, "GIF");
            int block = b[i] & 0xFF;
            if (block == 0x3B) { // trailer
                out.write(0x3B);
                return out.toByteArray();
            }
            if (block == 0x2C) { // image: descriptor, local colours, LZW size, data
                need(b, i + 10, "GIF");
                int at = i + 10;
                if ((b[i + 9] & 0x80) != 0) {
                    at += 3 * (1 << ((b[i + 9] & 0x07) + 1));
                }
                int end = subBlocks(b, at + 1);
                out.write(b, i, end - i);
                i = end;
            } else if (block == 0x21) { // extension
                need(b, i + 2, "GIF");
                int label = b[i + 1] & 0xFF;
                int end = subBlocks(b, i + 2);
                boolean keep = label != 0xFE;
                if (label == 0xFF) {
                    keep = startsWith(b, i + 3, end, "NETSCAPE2.0") || startsWith(b, i + 3, end, "ANIMEXTS1.0");
                }
                if (keep) {
                    out.write(b, i, end - i);
                }
                i = end;
            } else {
                throw new CorruptImage("The GIF's structure is broken.");
            }
        }
    }

    /** The index past a chain of sub-blocks starting at {@code at} (each a size byte and data; 0 ends). */
    private static int subBlocks(byte[] b, int at) throws CorruptImage {
        int i = at;
        while (true) {
            need(b, i + 1, "GIF");
            int size = b[i] & 0xFF;
            i += 1 + size;
            if (size == 0) {
                return i;
            }
        }
    }

    // --- WebP ------------------------------------------------------------------------

    private static byte[] webp(byte[] b) throws CorruptImage {
        need(b, 12, "WebP");
        long riffSize = le32(b, 4);
        if (riffSize + 8 > b.length || riffSize < 4) {
            throw new CorruptImage("The WebP is truncated.");
        }
        int limit = (int) (riffSize + 8);
        ByteArrayOutputStream body = new ByteArrayOutputStream(limit);
        body.write('W');
        body.write('E');
        body.write('B');
        body.write('P');
        int i = 12;
        boolean any = false;
        while (i < limit) {
            need(b, i + 8, "WebP");
            String type = new String(b, i, 4, StandardCharsets.ISO_8859_1);
            long size = le32(b, i + 4);
            long end = i + 8 + size + (size & 1);
            if (i + 8 + size > limit) {
                throw new CorruptImage("The WebP ends in the middle of a chunk.");
            }
            end = Math.min(end, limit);
            if (type.equals("EXIF") || type.equals("XMP ")) {
                i = (int) end;
                continue;
            }
            byte[] chunk = java.util.Arrays.copyOfRange(b, i, (int) end);
            if (type.equals("VP8X") && size >= 1) {
                chunk[8] &= (byte) ~(0x08 | 0x04); // no EXIF, no XMP any more
            }
            body.write(chunk, 0, chunk.length);
            any = true;
            i = (int) end;
        }
        if (!any) {
            throw new CorruptImage("The WebP has no image.");
        }
        byte[] rest = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(rest.length + 8);
        out.write('R');
        out.write('I');
        out.write('F');
        out.write('F');
        int size = rest.length;
        out.write(size & 0xFF);
        out.write((size >> 8) & 0xFF);
        out.write((size >> 16) & 0xFF);
        out.write((size >> 24) & 0xFF);
        out.write(rest, 0, rest.length);
        return out.toByteArray();
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | ((b[at + 1] & 0xFFL) << 8) | ((b[at + 2] & 0xFFL) << 16) | ((b[at + 3] & 0xFFL) << 24);
    }

    private static void need(byte[] b, int length, String kind) throws CorruptImage {
        if (b.length < length) {
            throw new CorruptImage("The " + kind + " is truncated.");
        }
    }

    private static boolean startsWith(byte[] b, int at, int end, String prefix) {
        if (at + prefix.length() > Math.min(end, b.length)) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (b[at + k] != (byte) prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
