package com.infraconsole.dbadmin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a gzipped dump statement by statement. The manifest's row counts are counted here, in the
 * dump itself: counts read from the live tables would come from another snapshot than the one
 * {@code --single-transaction} dumped, and a busy table would then never compare equal.
 */
final class DumpContents {

    private static final Pattern CREATE_TABLE =
            Pattern.compile("^(?:/\\*.*?\\*/\\s*)*CREATE TABLE `((?:[^`]|``)+)`", Pattern.DOTALL);
    private static final Pattern INSERT = Pattern.compile("^INSERT INTO `((?:[^`]|``)+)` (?:\\([^)]*\\) )?VALUES\\s*");

    private DumpContents() {}

    /** Table name to the number of rows the dump inserts into it (0 for an empty table). */
    static Map<String, Long> rowCounts(Path gzipFile) {
        var counts = new TreeMap<String, Long>();
        forEachStatement(gzipFile, sql -> {
            var create = CREATE_TABLE.matcher(sql);
            if (create.find()) {
                counts.putIfAbsent(create.group(1).replace("``", "`"), 0L);
                return;
            }
            var insert = INSERT.matcher(sql);
            if (insert.find()) {
                counts.merge(insert.group(1).replace("``", "`"), tuples(sql, insert.end()), Long::sum);
            }
        });
        return counts;
    }

    static void forEachStatement(Path gzipFile, Consumer<String> action) {
        try (var in = new BufferedReader(
                new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(gzipFile), 1 << 16), StandardCharsets.UTF_8),
                1 << 16)) {
            var script = new SqlScript(in);
            for (var sql = script.next(); sql != null; sql = script.next()) {
                action.accept(sql);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of an extended INSERT: the parentheses at depth 0 after VALUES, outside strings. */
    static long tuples(String sql, int from) {
        long rows = 0;
        int depth = 0;
        char quote = 0;
        for (int i = from; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                if (depth++ == 0) {
                    rows++;
                }
            } else if (c == ')') {
                depth--;
            }
        }
        return rows;
    }
}
