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

    /** For counts: whole-number ticks only (no "0.5 jobs"); an empty chart still shows 0 to 4. */
    static Scale ofCount(double dataMax) {
        if (dataMax <= 0) {
            return new Scale(4, 1);
        }
        var nice = of(dataMax);
        return nice.step() >= 1 ? nice : new Scale(Math.ceil(dataMax), 1);
    }

    int ticks() {
        return (int) Math.round(max / step);
    }
}
