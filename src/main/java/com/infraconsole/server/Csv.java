package com.infraconsole.server;

import com.infraconsole.base.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Reading RFC 4180 CSV (writing is base.CsvFormat): quoted cells with "" escapes and line breaks inside quotes; rows remember their first line. */
final class Csv {

    record Record(int line, List<String> cells) {}

    private Csv() {}

    static List<Record> parse(String text) {
        return parse(text, Integer.MAX_VALUE);
    }

    /**
     * Parses records until there are more than maxRecords, then stops there with an
     * ImportLimitException: the rest of the text is never parsed.
     */
    static List<Record> parse(String text, int maxRecords) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark from spreadsheet exports
        }
        var records = new ArrayList<Record>();
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                addUnlessBlank(records, recordLine, cells);
                if (records.size() > maxRecords) {
                    throw ImportLimitException.tooManyRows();
                }
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw InvalidInputException.of("file", "Line " + recordLine + " opens a quote that is never closed.");
        }
        cells.add(cell.toString());
        addUnlessBlank(records, recordLine, cells);
        if (records.size() > maxRecords) {
            throw ImportLimitException.tooManyRows();
        }
        return records;
    }

    private static void addUnlessBlank(List<Record> records, int line, List<String> cells) {
        if (!(cells.size() == 1 && cells.getFirst().isBlank())) {
            records.add(new Record(line, List.copyOf(cells)));
        }
    }
}
