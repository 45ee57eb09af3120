package com.infraconsole.base;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writing RFC 4180 CSV that is safe to open in a spreadsheet: cells with commas, quotes or line
 * breaks are quoted with "" escapes, lines end in CRLF, and free text that a spreadsheet would run
 * as a formula is defused.
 */
public final class CsvFormat {

    private CsvFormat() {}

    /** One line of already-defused cells; null is an empty cell. */
    public static String line(List<@Nullable String> cells) {
        var sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quoted(cells.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    /** A free-text cell, defused and quoted: the one call for text a user typed. */
    public static String cell(@Nullable String value) {
        return quoted(text(value));
    }

    /**
     * Text that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets a leading
     * apostrophe, so that an exported description cannot execute anything when opened. Only for
     * free text: a value that is read back by an import (a name, a status) must stay as it is.
     */
    public static @Nullable String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** Quoted when it holds a comma, a quote or a line break; null is empty. */
    public static String quoted(@Nullable String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
