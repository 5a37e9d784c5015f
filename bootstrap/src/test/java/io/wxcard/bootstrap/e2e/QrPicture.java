package io.wxcard.bootstrap.e2e;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the QR code a page served as SVG: the console draws each dark module as a unit square of one path
 * ({@code M x y h1v1h-1z}); painting those squares into a picture and handing it to ZXing's reader shows what a
 * phone's camera would read, without depending on how headless chromium scales the picture in a screenshot.
 */
final class QrPicture {

    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int PIXELS_PER_MODULE = 8;

    private QrPicture() {}

    static String decode(String svgPath) throws Exception {
        Matcher module = MODULE.matcher(svgPath);
        int size = 0;
        java.util.List<int[]> dark = new java.util.ArrayList<>();
        while (module.find()) {
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            dark.add(new int[] {x, y});
            size = Math.max(size, Math.max(x, y) + 1);
        }
        if (dark.isEmpty()) {
            throw new AssertionError("the SVG path holds no QR modules: " + svgPath);
        }
        int margin = 4; // the quiet zone a reader needs, beyond the modules' own
        int side = (size + 2 * margin) * PIXELS_PER_MODULE;
        BufferedImage picture = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D pen = picture.createGraphics();
        pen.setColor(Color.WHITE);
        pen.fillRect(0, 0, side, side);
        pen.setColor(Color.BLACK);
        for (int[] at : dark) {
            pen.fillRect((at[0] + margin) * PIXELS_PER_MODULE, (at[1] + margin) * PIXELS_PER_MODULE,
                    PIXELS_PER_MODULE, PIXELS_PER_MODULE);
        }
        pen.dispose();
        int[] pixels = picture.getRGB(0, 0, side, side, null, 0, side);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        // PURE_BARCODE: the picture is the code alone, square to the pixel, so the reader samples it directly instead of
        // hunting for finder patterns (which, on such a clean picture, missed about 1 code in 75).
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
