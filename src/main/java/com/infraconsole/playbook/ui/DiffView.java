package com.infraconsole.playbook.ui;

import com.infraconsole.playbook.LineDiff;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * Two aligned monospace columns: the older version on the left, the newer on the right;
 * removed lines red, added lines green, changed lines both. Plain divs in a CSS grid, so that
 * both columns scroll together and a row stays one row on both sides.
 */
class DiffView extends Div {

    private static final String REMOVED_BG = "color-mix(in srgb, var(--lumo-error-color) 14%, transparent)";
    private static final String ADDED_BG = "color-mix(in srgb, var(--lumo-success-color) 16%, transparent)";

    DiffView() {
        addClassName("diff-view");
        getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "3.5em 1fr 3.5em 1fr")
                .set("font-family", PlaybookForm.MONO)
                .set("font-size", "var(--lumo-font-size-s)")
                .set("overflow", "auto")
                .set("max-height", "60vh")
                .set("white-space", "pre")
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)");
    }

    void show(List<LineDiff.Row> rows) {
        removeAll();
        if (rows.stream().allMatch(r -> r.kind() == LineDiff.Kind.SAME)) {
            var same = new Span("The two versions have the same content.");
            same.getStyle()
                    .set("grid-column", "1 / span 4")
                    .set("padding", "var(--lumo-space-s)")
                    .set("font-family", "var(--lumo-font-family)");
            add(same);
        }
        for (var row : rows) {
            var left = row.kind() == LineDiff.Kind.REMOVED || row.kind() == LineDiff.Kind.CHANGED;
            var right = row.kind() == LineDiff.Kind.ADDED || row.kind() == LineDiff.Kind.CHANGED;
            add(number(row.leftNo()), line(row.left(), left ? REMOVED_BG : null, left ? "diff-removed" : null));
            add(number(row.rightNo()), line(row.right(), right ? ADDED_BG : null, right ? "diff-added" : null));
        }
    }

    private static Span number(Integer no) {
        var span = new Span(no == null ? "" : String.valueOf(no));
        span.getStyle()
                .set("color", "var(--lumo-tertiary-text-color)")
                .set("text-align", "right")
                .set("padding", "0 0.5em")
                .set("user-select", "none")
                .set("border-left", "1px solid var(--lumo-contrast-10pct)");
        return span;
    }

    private static Span line(String text, String background, String className) {
        var span = new Span(text == null ? "" : text);
        span.getStyle().set("padding", "0 0.5em").set("min-height", "1.4em");
        if (text == null) {
            span.getStyle().set("background", "var(--lumo-contrast-5pct)");
        } else if (background != null) {
            span.getStyle().set("background", background);
        }
        if (className != null) {
            span.addClassName(className);
        }
        return span;
    }
}
