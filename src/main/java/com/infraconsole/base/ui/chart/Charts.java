package com.infraconsole.base.ui.chart;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Server-rendered SVG charts: stacked columns, a line and horizontal bars, each with axes,
 * labels, a legend and an accessible title. Returns markup for {@link com.vaadin.flow.component.Svg}.
 * Colors and text use CSS variables, so the charts follow the Lumo theme.
 */
public final class Charts {

    private static final int WIDTH = 720;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 28;
    private static final int PLOT_HEIGHT = 200;

    private Charts() {}

    /** Vertical columns of counts, series stacked on top of each other; every labelEvery-th category is named. */
    public static String stackedColumns(
            String title,
            String description,
            List<String> categories,
            List<Series> series,
            DoubleFunction<String> format,
            int labelEvery) {
        var svg = new SvgWriter(WIDTH, TOP + PLOT_HEIGHT + BOTTOM, title, description);
        double max = 0;
        for (int i = 0; i < categories.size(); i++) {
            double sum = 0;
            for (var s : series) {
                sum += s.at(i);
            }
            max = Math.max(max, sum);
        }
        var scale = Scale.ofCount(max);
        yAxis(svg, scale, format);
        legend(svg, series);
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, categories.size());
        double barWidth = Math.max(2, slot * 0.7);
        for (int i = 0; i < categories.size(); i++) {
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double base = TOP + PLOT_HEIGHT;
            for (var s : series) {
                double v = s.at(i);
                if (v > 0) {
                    double h = v / scale.max() * PLOT_HEIGHT;
                    base -= h;
                    svg.rect(
                            x,
                            base,
                            barWidth,
                            h,
                            s.color(),
                            categories.get(i) + ": " + format.apply(v) + " " + s.name());
                }
            }
            if (i % labelEvery == 0 || i == categories.size() - 1) {
                svg.text(
                        LEFT + i * slot + slot / 2, TOP + PLOT_HEIGHT + 18, categories.get(i), "middle", "chart-label");
            }
        }
        if (max == 0) {
            noData(svg);
        }
        return svg.finish();
    }

    /** A line over categories; a null value leaves a gap (no data for that category). */
    public static String line(
            String title,
            String description,
            List<String> categories,
            Series series,
            DoubleFunction<String> format,
            int labelEvery) {
        var svg = new SvgWriter(WIDTH, TOP + PLOT_HEIGHT + BOTTOM, title, description);
        double max = series.values().stream()
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
        var scale = Scale.of(max);
        yAxis(svg, scale, format);
        legend(svg, List.of(series));
        double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, categories.size());
        var points = new StringBuilder();
        for (int i = 0; i < categories.size(); i++) {
            double x = LEFT + i * slot + slot / 2;
            var v = i < series.values().size() ? series.values().get(i) : null;
            if (v == null) {
                flush(svg, points, series.color());
            } else {
                double y = TOP + PLOT_HEIGHT - v / scale.max() * PLOT_HEIGHT;
                points.append(SvgWriter.num(x))
                        .append(',')
                        .append(SvgWriter.num(y))
                        .append(' ');
                svg.circle(x, y, 3, series.color(), categories.get(i) + ": " + format.apply(v));
            }
            if (i % labelEvery == 0 || i == categories.size() - 1) {
                svg.text(x, TOP + PLOT_HEIGHT + 18, categories.get(i), "middle", "chart-label");
            }
        }
        flush(svg, points, series.color());
        if (max == 0) {
            noData(svg);
        }
        return svg.finish();
    }

    /** Horizontal bars, one row per category, series stacked left to right, total at the end. */
    public static String bars(
            String title,
            String description,
            List<String> categories,
            List<Series> series,
            DoubleFunction<String> format) {
        int row = 26;
        int labelWidth = 170;
        int height = TOP + Math.max(1, categories.size()) * row + 8;
        var svg = new SvgWriter(WIDTH, height, title, description);
        legend(svg, series);
        double max = 0;
        for (int i = 0; i < categories.size(); i++) {
            double sum = 0;
            for (var s : series) {
                sum += s.at(i);
            }
            max = Math.max(max, sum);
        }
        double plotWidth = WIDTH - labelWidth - RIGHT - 90;
        for (int i = 0; i < categories.size(); i++) {
            double y = TOP + i * row;
            svg.text(labelWidth - 8, y + row / 2.0 + 4, shorten(categories.get(i), 22), "end", "chart-label");
            double x = labelWidth;
            double sum = 0;
            for (var s : series) {
                double v = s.at(i);
                double w = max == 0 ? 0 : v / max * plotWidth;
                svg.rect(x, y + 4, w, row - 8, s.color(), categories.get(i) + ": " + format.apply(v) + " " + s.name());
                x += w;
                sum += v;
            }
            svg.text(x + 6, y + row / 2.0 + 4, format.apply(sum), "start", "chart-value");
        }
        svg.line(labelWidth, TOP, labelWidth, TOP + categories.size() * row, "chart-axis");
        if (categories.isEmpty()) {
            svg.text(WIDTH / 2.0, TOP + 16, "No data yet", "middle", "chart-empty");
        }
        return svg.finish();
    }

    private static void flush(SvgWriter svg, StringBuilder points, String color) {
        if (!points.isEmpty()) {
            svg.polyline(points.toString().trim(), color);
            points.setLength(0);
        }
    }

    private static void yAxis(SvgWriter svg, Scale scale, DoubleFunction<String> format) {
        for (int t = 0; t <= scale.ticks(); t++) {
            double v = t * scale.step();
            double y = TOP + PLOT_HEIGHT - v / scale.max() * PLOT_HEIGHT;
            svg.line(LEFT, y, WIDTH - RIGHT, y, t == 0 ? "chart-axis" : "chart-grid");
            svg.text(LEFT - 6, y + 4, format.apply(v), "end", "chart-label");
        }
    }

    private static void legend(SvgWriter svg, List<Series> series) {
        double x = LEFT;
        for (var s : series) {
            svg.rect(x, 8, 12, 12, s.color(), null);
            svg.text(x + 16, 18, s.name(), "start", "chart-legend");
            x += 30 + s.name().length() * 8.5;
        }
    }

    private static void noData(SvgWriter svg) {
        svg.text(WIDTH / 2.0, TOP + PLOT_HEIGHT / 2.0, "No data yet", "middle", "chart-empty");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
