package io.wxcard.adapter.console;

import io.vavr.control.Option;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A chart of figures per day, drawn on the server as SVG (no script, no charting build): our figures as bars side by
 * side, WeChat's as lines over them (a day WeChat has not given yet is a gap in its line, not a zero). Every text in it
 * is escaped; the colours are CSS classes of {@code console.css}, so the chart follows the page's styles.
 */
final class DailyChart {

    /** @param values one per day; none where the figure is not known for the day */
    record Series(String name, String cssClass, boolean line, List<Option<Long>> values) {
        Series {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
        }

        long max() {
            return values.stream().mapToLong(v -> v.getOrElse(0L)).max().orElse(0);
        }
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 28;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);

    private DailyChart() {}

    /** The chart as an {@code <svg>} element, {@code title} its accessible name. */
    static String svg(String id, String title, List<LocalDate> days, List<Series> series) {
        series.forEach(s -> {
            if (s.values().size() != days.size()) {
                throw new IllegalArgumentException(s.name() + " has " + s.values().size() + " values for "
                        + days.size() + " days");
            }
        });
        long top = niceTop(series.stream().mapToLong(Series::max).max().orElse(0));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = days.isEmpty() ? plotWidth : plotWidth / days.size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(escape(id))
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\"><title>")
                .append(escape(title)).append("</title>");
        for (int i = 0; i <= 5; i++) { // grid lines and the y axis' figures
            double y = TOP + plotHeight - plotHeight * i / 5;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>",
                    LEFT, WIDTH - RIGHT, y, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>",
                    LEFT - 6, y + 4, top * i / 5));
        }
        int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 10.0));
        for (int d = 0; d < days.size(); d++) {
            if (d % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        LEFT + slot * (d + 0.5), HEIGHT - 10, DAY.format(days.get(d))));
            }
        }
        List<Series> bars = series.stream().filter(s -> !s.line()).toList();
        double barWidth = bars.isEmpty() ? 0 : Math.max(1, slot * 0.8 / bars.size());
        for (int b = 0; b < bars.size(); b++) {
            Series s = bars.get(b);
            for (int d = 0; d < days.size(); d++) {
                long value = s.values().get(d).getOrElse(0L);
                if (value == 0) {
                    continue;
                }
                double h = plotHeight * value / top;
                double x = LEFT + slot * d + slot * 0.1 + barWidth * b;
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s %s: %d</title></rect>",
                        escape(s.cssClass()), x, TOP + plotHeight - h, barWidth, h, escape(s.name()), days.get(d),
                        value));
            }
        }
        for (Series s : series.stream().filter(Series::line).toList()) {
            svg.append(linePath(s, days.size(), slot, plotHeight, top));
        }
        return svg.append("</svg>").toString();
    }

    /** A line through the known days; an unknown day breaks it, a lone known day is a dot. */
    private static String linePath(Series s, int days, double slot, double plotHeight, long top) {
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        boolean drawing = false;
        for (int d = 0; d < days; d++) {
            Option<Long> value = s.values().get(d);
            if (value.isEmpty()) {
                drawing = false;
                continue;
            }
            double x = LEFT + slot * (d + 0.5);
            double y = TOP + plotHeight - plotHeight * value.get() / top;
            path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", drawing ? "L" : "M", x, y));
            dots.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>",
                    escape(s.cssClass()), x, y));
            drawing = true;
        }
        return path.isEmpty() ? "" : "<path class=\"" + escape(s.cssClass()) + " line\" d=\"" + path.toString().strip()
                + "\"/>" + dots;
    }

    /** The top of the y axis: the largest figure rounded up to 1, 2 or 5 times a power of ten (at least 5, so that the five grid steps are whole). */
    static long niceTop(long max) {
        long top = 5;
        long power = 1;
        while (top < max) {
            for (long step : new long[] {1, 2, 5}) {
                top = step * power * 10;
                if (top >= max) {
                    return top;
                }
            }
            power *= 10;
        }
        return top;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
