package com.infraconsole.base;

/**
 * The one way the console searches text with SQL LIKE: what the user typed is matched literally,
 * so a search for {@code 50%} or {@code web_01} finds exactly that. The escape character is stated
 * in every query ({@code ESCAPE '!'} in SQL, {@link #ESCAPE} in the Criteria API) rather than left
 * to the server's default, which the NO_BACKSLASH_ESCAPES SQL mode would change.
 */
public final class Like {

    public static final char ESCAPE = '!';

    private Like() {}

    /** A pattern for values that contain the text (stripped; null or blank matches everything). */
    public static String containing(String text) {
        var t = text == null ? "" : text.strip();
        var out = new StringBuilder(t.length() + 2).append('%');
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ESCAPE || c == '%' || c == '_') {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.append('%').toString();
    }
}
