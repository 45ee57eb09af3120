package com.infraconsole.base.ui;

import com.vaadin.flow.component.html.Span;

/** Coloured status pills; the colour follows meaning (ok, warning, error, neutral), not the word. */
public final class Badges {

    public enum Tone {
        SUCCESS,
        WARNING,
        ERROR,
        NEUTRAL,
        INFO
    }

    private Badges() {}

    public static Span badge(String text, Tone tone) {
        var span = new Span(text);
        span.addClassNames("badge", "badge-" + tone.name().toLowerCase());
        return span;
    }
}
