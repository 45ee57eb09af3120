package com.infraconsole.dbadmin;

import com.infraconsole.dbadmin.DbAdminModel.TableSize;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guide's pre-migration checklist ("check for data loss risks", "estimate downtime") applied to
 * pending SQL: flags DROP TABLE and DROP COLUMN, a MODIFY or CHANGE that narrows a column, a NOT
 * NULL column without a default on an existing table, and an index built on a big table (by the
 * server's size estimates). A reviewer's aid, not a parser: it reads the common statement forms.
 */
final class MigrationLint {

    /** What the lint needs to know about the live schema. */
    interface Schema {
        Optional<TableSize> table(String name);

        Optional<String> columnType(String table, String column);
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern DROP_TABLE = Pattern.compile("^DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.+)$", FLAGS);
    private static final Pattern ALTER =
            Pattern.compile("^ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(\\S+)\\s+(.*)$", FLAGS);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:UNIQUE\\s+|FULLTEXT\\s+|SPATIAL\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\\S+\\s+ON\\s+(\\S+?)\\s*\\(",
            FLAGS);
    private static final Pattern DROP_COLUMN = Pattern.compile(
            "^DROP\\s+(?!(?:INDEX|KEY|PRIMARY|FOREIGN|CONSTRAINT|PARTITION|CHECK)\\b)(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(\\S+)$",
            FLAGS);
    private static final Pattern MODIFY =
            Pattern.compile("^MODIFY\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(\\S+)\\s+(.+)$", FLAGS);
    private static final Pattern CHANGE =
            Pattern.compile("^CHANGE\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(\\S+)\\s+\\S+\\s+(.+)$", FLAGS);
    private static final Pattern ADD_INDEX = Pattern.compile(
            "^ADD\\s+(?:CONSTRAINT\\s+\\S+\\s+)?(?:UNIQUE|FULLTEXT|SPATIAL|INDEX|KEY|PRIMARY\\s+KEY|FOREIGN\\s+KEY)\\b",
            FLAGS);
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "^ADD\\s+(?!(?:CONSTRAINT|UNIQUE|FULLTEXT|SPATIAL|INDEX|KEY|PRIMARY|FOREIGN|PARTITION|CHECK|PERIOD|SYSTEM)\\b)"
                    + "(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\S+)\\s+(.+)$",
            FLAGS);
    private static final Pattern TYPE = Pattern.compile("^(\\w+)\\s*(?:\\(([^)]*)\\))?", FLAGS);

    private final Schema schema;
    private final long bigTableRows;
    private final long bigTableBytes;

    MigrationLint(Schema schema, long bigTableRows, long bigTableBytes) {
        this.schema = schema;
        this.bigTableRows = bigTableRows;
        this.bigTableBytes = bigTableBytes;
    }

    /** One line per risky statement found in the script, in script order. */
    List<String> check(String sql) {
        var risks = new ArrayList<String>();
        var script = new SqlScript(new BufferedReader(new StringReader(sql)));
        for (var s = script.next(); s != null; s = script.next()) {
            var statement = s.replaceAll("/\\*(?![!M]).*?\\*/", " ")
                    .replaceAll("\\s+", " ")
                    .strip();
            check(statement, risks);
        }
        return risks;
    }

    private void check(String statement, List<String> risks) {
        Matcher m;
        if ((m = DROP_TABLE.matcher(statement)).matches()) {
            for (var t : m.group(1).split("\\s*,\\s*")) {
                risks.add("DROP TABLE " + name(t) + ": the table and its data are gone" + rows(name(t)));
            }
        } else if ((m = CREATE_INDEX.matcher(statement)).find()) {
            bigIndex(name(m.group(1)), risks);
        } else if ((m = ALTER.matcher(statement)).matches()) {
            var table = name(m.group(1));
            for (var clause : clauses(m.group(2))) {
                alterClause(table, clause, risks);
            }
        }
    }

    private void alterClause(String table, String clause, List<String> risks) {
        Matcher m;
        if ((m = DROP_COLUMN.matcher(clause)).matches()) {
            risks.add("DROP COLUMN " + table + "." + name(m.group(1)) + ": its values are gone" + rows(table));
        } else if ((m = MODIFY.matcher(clause)).matches() || (m = CHANGE.matcher(clause)).matches()) {
            var column = name(m.group(1));
            var definition = m.group(2);
            schema.columnType(table, column)
                    .flatMap(old -> narrowing(old, definition))
                    .ifPresent(why -> risks.add("MODIFY " + table + "." + column + " narrows it (" + why
                            + "): longer or larger values are cut or refused" + rows(table)));
            if (notNullWithoutDefault(definition) && schema.table(table).isPresent()) {
                risks.add("MODIFY " + table + "." + column
                        + " to NOT NULL without a default: existing NULLs make it fail" + rows(table));
            }
        } else if ((m = ADD_INDEX.matcher(clause)).find()) {
            bigIndex(table, risks);
        } else if ((m = ADD_COLUMN.matcher(clause)).matches()
                && notNullWithoutDefault(m.group(2))
                && schema.table(table).isPresent()) {
            risks.add("ADD COLUMN " + table + "." + name(m.group(1)) + " NOT NULL without a default: existing rows get "
                    + "an implicit value (0, '') or the statement fails in strict mode" + rows(table));
        }
    }

    private void bigIndex(String table, List<String> risks) {
        schema.table(table)
                .filter(t -> t.rows() >= bigTableRows || t.totalBytes() >= bigTableBytes)
                .ifPresent(t -> risks.add("index build on " + table + ", a big table ("
                        + String.format(Locale.ROOT, "%,d", t.rows()) + " rows, "
                        + DbAdminText.bytes(t.totalBytes()) + ", server estimates): it "
                        + "reads the whole table and can block writes; plan a window or use pt-online-schema-change"));
    }

    /** Why {@code definition}'s type holds less than {@code current}, or empty. */
    static Optional<String> narrowing(String current, String definition) {
        var was = TYPE.matcher(current.strip());
        var now = TYPE.matcher(definition.strip());
        if (!was.find() || !now.find()) {
            return Optional.empty();
        }
        var a = was.group(1).toLowerCase(Locale.ROOT);
        var b = now.group(1).toLowerCase(Locale.ROOT);
        var describe = Optional.of(current.strip() + " to " + definition.strip().split("\\s+")[0]);
        long capA = capacity(a, was.group(2));
        long capB = capacity(b, now.group(2));
        if (capA > 0 && capB > 0) {
            return capB < capA ? describe : Optional.empty();
        }
        int rankA = integerRank(a);
        int rankB = integerRank(b);
        if (rankA > 0 && rankB > 0) {
            return rankB < rankA ? describe : Optional.empty();
        }
        if ((a.equals("enum") || a.equals("set")) && a.equals(b)) {
            var kept = Arrays.asList(values(now.group(2)));
            return Arrays.stream(values(was.group(2))).allMatch(kept::contains) ? Optional.empty() : describe;
        }
        if ((a.equals("decimal") || a.equals("numeric")) && a.equals(b)) {
            var p = values(was.group(2));
            var q = values(now.group(2));
            return q.length > 0 && p.length > 0 && Integer.parseInt(q[0]) < Integer.parseInt(p[0])
                    ? describe
                    : Optional.empty();
        }
        return a.equals(b) ? Optional.empty() : describe;
    }

    /** Characters or bytes a string type holds, 0 for other types. */
    private static long capacity(String type, String args) {
        return switch (type) {
            case "char", "varchar", "binary", "varbinary" ->
                args == null || args.isBlank() ? 1 : Long.parseLong(args.strip());
            case "tinytext", "tinyblob" -> 255;
            case "text", "blob" -> 65_535;
            case "mediumtext", "mediumblob" -> 16_777_215;
            case "longtext", "longblob" -> 4_294_967_295L;
            default -> 0;
        };
    }

    private static int integerRank(String type) {
        return switch (type) {
            case "tinyint", "bool", "boolean" -> 1;
            case "smallint" -> 2;
            case "mediumint" -> 3;
            case "int", "integer" -> 4;
            case "bigint" -> 5;
            default -> 0;
        };
    }

    private static String[] values(String args) {
        return args == null
                ? new String[0]
                : Arrays.stream(args.split(",")).map(String::strip).toArray(String[]::new);
    }

    private static boolean notNullWithoutDefault(String definition) {
        var d = definition.toUpperCase(Locale.ROOT);
        return d.matches(".*\\bNOT\\s+NULL\\b.*") && !d.matches(".*\\b(DEFAULT|AUTO_INCREMENT|AS|GENERATED)\\b.*");
    }

    private String rows(String table) {
        return schema.table(table)
                .map(t -> " (" + String.format(Locale.ROOT, "%,d", t.rows()) + " rows, estimate)")
                .orElse("");
    }

    /** ALTER TABLE's comma-separated clauses, not split inside parentheses or quotes. */
    static List<String> clauses(String body) {
        var parts = new ArrayList<String>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(body.substring(start).strip());
        return parts;
    }

    /** A table or column name without backticks or a schema prefix. */
    static String name(String identifier) {
        var n = identifier.strip().replace("`", "");
        return n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : n;
    }
}
