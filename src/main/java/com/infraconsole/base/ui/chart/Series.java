package com.infraconsole.base.ui.chart;

import java.util.List;

/**
 * One named series of a chart: a value per category, drawn in one color (a CSS color or
 * variable such as {@code var(--ic-ok)}).
 */
public record Series(String name, String color, List<Double> values) {

    public Series {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values)); // nulls are gaps
    }

    public double at(int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : 0;
    }
}
