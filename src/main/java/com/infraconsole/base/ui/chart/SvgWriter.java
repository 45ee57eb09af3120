package com.infraconsole.base.ui.chart;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A tiny SVG text builder. Charts are rendered on the server as inline SVG (no chart library,
 * no commercial Vaadin Charts); every text that reaches the markup goes through {@link #escape}.
 */
final class SvgWriter {

    private static final AtomicLong IDS = new AtomicLong();
    private final StringBuilder out = new StringBuilder(4096);

    /** Opens an accessible SVG: role img, a title and a description read by screen readers. */
    SvgWriter(int width, int height, String title, String description) {
        var id = "chart-" + IDS.incrementAndGet();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" preserveAspectRatio=\"xMidYMid meet\" aria-labelledby=\"")
                .append(id)
                .append("-t ")
                .append(id)
                .append("-d\">")
                .append("<title id=\"")
                .append(id)
                .append("-t\">")
                .append(escape(title))
                .append("</title>")
                .append("<desc id=\"")
                .append(id)
                .append("-d\">")
                .append(escape(description))
                .append("</desc>");
    }

    SvgWriter rect(double x, double y, double w, double h, String color, @Nullable String tooltip) {
        out.append("<rect x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" width=\"")
                .append(num(Math.max(0, w)))
                .append("\" height=\"")
                .append(num(Math.max(0, h)))
                .append("\" style=\"fill:")
                .append(color)
                .append("\">");
        if (tooltip != null) {
            out.append("<title>").append(escape(tooltip)).append("</title>");
        }
        out.append("</rect>");
        return this;
    }

    SvgWriter line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"")
                .append(num(x1))
                .append("\" y1=\"")
                .append(num(y1))
                .append("\" x2=\"")
                .append(num(x2))
                .append("\" y2=\"")
                .append(num(y2))
                .append("\" class=\"")
                .append(cssClass)
                .append("\"/>");
        return this;
    }

    SvgWriter polyline(String points, String color) {
        out.append("<polyline points=\"")
                .append(points)
                .append("\" style=\"fill:none;stroke:")
                .append(color)
                .append(";stroke-width:2\"/>");
        return this;
    }

    SvgWriter circle(double cx, double cy, double r, String color, String tooltip) {
        out.append("<circle cx=\"")
                .append(num(cx))
                .append("\" cy=\"")
                .append(num(cy))
                .append("\" r=\"")
                .append(num(r))
                .append("\" style=\"fill:")
                .append(color)
                .append("\"><title>")
                .append(escape(tooltip))
                .append("</title></circle>");
        return this;
    }

    /** anchor: start, middle or end. */
    SvgWriter text(double x, double y, String text, String anchor, String cssClass) {
        out.append("<text x=\"")
                .append(num(x))
                .append("\" y=\"")
                .append(num(y))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append("\" class=\"")
                .append(cssClass)
                .append("\">")
                .append(escape(text))
                .append("</text>");
        return this;
    }

    String finish() {
        return out.append("</svg>").toString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        var b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
