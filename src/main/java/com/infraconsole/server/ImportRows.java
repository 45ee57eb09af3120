package com.infraconsole.server;

import com.infraconsole.base.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns an uploaded file into rows keyed by the CSV column names, whichever format it came in. */
final class ImportRows {

    /** One input row; {@code problem} is set when the row cannot even be read as a server. */
    record Candidate(int line, Map<String, String> fields, String problem) {

        /** The trimmed value, or null when absent or blank. */
        String get(String column) {
            var value = fields.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private ImportRows() {}

    static List<Candidate> fromCsv(String content) {
        // The header and at most MAX_ROWS rows: parsing stops at the first row beyond.
        var records = Csv.parse(content, ServerTransferService.MAX_ROWS + 1);
        if (records.isEmpty()) {
            throw InvalidInputException.of("file", "The file is empty.");
        }
        var header = records.getFirst().cells().stream()
                .map(h -> h.trim().toLowerCase())
                .toList();
        if (!header.contains("hostname") || !header.contains("ip_address")) {
            throw InvalidInputException.of(
                    "file",
                    "The first line must be a header naming at least hostname and " + "ip_address, like: "
                            + String.join(",", ServerTransferService.COLUMNS));
        }
        var result = new ArrayList<Candidate>();
        for (var record : records.subList(1, records.size())) {
            var cells = record.cells();
            var fields = new HashMap<String, String>();
            for (int i = 0; i < Math.min(cells.size(), header.size()); i++) {
                if (ServerTransferService.COLUMNS.contains(header.get(i))) {
                    fields.put(header.get(i), cells.get(i));
                }
            }
            var problem = cells.size() == header.size()
                    ? null
                    : "has " + cells.size() + " cells but the header has " + header.size();
            result.add(new Candidate(record.line(), fields, problem));
        }
        return result;
    }

    /**
     * Hosts of an inventory. The environment is the first of the host's groups that names an
     * environment; otherwise it stays empty and the chosen default applies.
     */
    static List<Candidate> fromInventory(String content, Set<String> environmentNames) {
        var result = new ArrayList<Candidate>();
        for (var host : AnsibleInventory.parse(content, ServerTransferService.MAX_ROWS)) {
            var fields = new HashMap<String, String>();
            fields.put("hostname", host.name());
            var address = host.vars().get("ansible_host");
            String problem = host.problem();
            if (address == null && IpAddress.Validator.isValid(host.name())) {
                address = host.name();
            } else if (address == null && problem == null) {
                problem = "no ansible_host variable, and the host name is not an IP address";
            }
            fields.put("ip_address", address);
            fields.put("ssh_port", host.vars().get("ansible_port"));
            fields.put("ssh_user", host.vars().get("ansible_user"));
            host.groups().stream()
                    .filter(g -> environmentNames.contains(g.toLowerCase()))
                    .findFirst()
                    .ifPresent(g -> fields.put("environment", g));
            result.add(new Candidate(host.line(), fields, problem));
        }
        return result;
    }
}
