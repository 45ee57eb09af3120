package com.infraconsole.dbadmin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Splits a SQL script, as mariadb-dump and mysqldump write it, into single statements, the way
 * the mariadb client would: it honours quotes, comments and {@code DELIMITER} lines (triggers and
 * routines are written between {@code DELIMITER ;;} and {@code DELIMITER ;}). Restoring over JDBC
 * with it needs no client binary, which the embedded distribution cannot run here (libncurses5).
 */
final class SqlScript {

    private final BufferedReader in;
    private String delimiter = ";";
    private final StringBuilder statement = new StringBuilder();
    private boolean content;
    private char quote; // 0 outside a quoted string or name
    private boolean blockComment;
    private String pending; // the rest of a line after a delimiter

    SqlScript(BufferedReader in) {
        this.in = in;
    }

    /** The next statement without its delimiter, or null at the end of the script. */
    String next() {
        try {
            while (true) {
                var line = pending != null ? pending : in.readLine();
                pending = null;
                if (line == null) {
                    return content ? take() : null;
                }
                if (quote == 0 && !blockComment && !content && isDelimiterLine(line)) {
                    delimiter = line.trim().substring("DELIMITER".length()).trim();
                    statement.setLength(0);
                    continue;
                }
                var done = scan(line);
                if (done >= 0) {
                    var rest = line.substring(done);
                    pending = rest.isBlank() ? null : rest;
                    var sql = take();
                    if (!sql.isEmpty()) {
                        return sql;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends the line; returns the index just after a delimiter that ends the statement, or -1. */
    private int scan(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (blockComment) {
                statement.append(c);
                if (c == '*' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    statement.append('/');
                    blockComment = false;
                    i += 2;
                    continue;
                }
                i++;
                continue;
            }
            if (quote != 0) {
                statement.append(c);
                if (c == '\\' && quote != '`' && i + 1 < line.length()) {
                    statement.append(line.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (line.startsWith(delimiter, i)) {
                return i + delimiter.length();
            }
            if (c == '#'
                    || (c == '-' && line.startsWith("-- ", i))
                    || line.substring(i).equals("--")) {
                break; // a line comment: the server never needs it
            }
            if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                blockComment = true;
                // Executable comments (/*!40101 SET ...*/, /*M!100101 ...*/) are statements for the server.
                if (line.startsWith("/*!", i) || line.startsWith("/*M!", i)) {
                    content = true;
                }
                statement.append("/*");
                i += 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            }
            if (!Character.isWhitespace(c)) {
                content = true;
            }
            statement.append(c);
            i++;
        }
        statement.append('\n');
        return -1;
    }

    private String take() {
        var sql = content ? statement.toString().strip() : "";
        statement.setLength(0);
        content = false;
        return sql;
    }

    private static boolean isDelimiterLine(String line) {
        var t = line.trim();
        return t.length() > 10 && t.substring(0, 10).toUpperCase(Locale.ROOT).equals("DELIMITER ");
    }
}
