import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a JPEG of about the given size (noise: a photo's worst case for the encoder), for
 * the media upload benchmark: java bench/MakeJpeg.java OUT.jpg BYTES
 */
public class MakeJpeg {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]);
        int width = 400;
        byte[] best = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            int height = width * 3 / 4;
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(42);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    // smooth gradient plus noise: compresses like a detailed photo
                    int base = ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | 128;
                    img.setRGB(x, y, base ^ (random.nextInt(64) * 0x010101));
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(img, "jpeg", bytes);
            best = bytes.toByteArray();
            if (Math.abs(best.length - target) < target / 20) {
                break;
            }
            width = (int) (width * Math.sqrt((double) target / best.length));
        }
        Files.write(out, best);
        System.out.println(best.length);
    }
}
