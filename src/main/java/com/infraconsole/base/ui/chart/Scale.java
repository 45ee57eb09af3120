package com.infraconsole.base.ui.chart;

/** A "nice" axis from zero: 4-5 ticks at 1, 2 or 5 times a power of ten. */
record Scale(double max, double step) {

    static Scale of(double dataMax) {
        if (dataMax <= 0) {
            return new Scale(1, 0.25);
        }
        double raw = dataMax / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double residual = raw / magnitude;
        double step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
        return new Scale(Math.ceil(dataMax / step) * step, step);
    }

    int ticks() {
        return (int) Math.round(max / step);
    }
}
