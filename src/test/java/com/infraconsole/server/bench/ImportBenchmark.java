package com.infraconsole.server.bench;

import com.infraconsole.IntegrationTest;
import com.infraconsole.TestUsers;
import com.infraconsole.security.Role;
import com.infraconsole.server.ImportFormat;
import com.infraconsole.server.ImportReport.Outcome;
import com.infraconsole.server.ServerFilter;
import com.infraconsole.server.ServerService;
import com.infraconsole.server.ServerTransferService;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Not part of the default run (the name does not end in Test): import, export and list timings
 * on the embedded database. Run with {@code ./mvnw test -Dtest=ImportBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
class ImportBenchmark {

    @Autowired
    ServerTransferService transfer;

    @Autowired
    ServerService servers;

    @Autowired
    TestUsers testUsers;

    @Test
    void import_export_and_list_timings() {
        testUsers.signIn(Role.OPERATOR);
        int rows = Integer.getInteger("bench.rows", 2000);
        var p = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        var csv = new StringBuilder(
                "hostname,ip_address,ssh_port,ssh_user,os_type,environment,status,location,description\n");
        for (int i = 0; i < rows; i++) {
            csv.append("%s-%05d.example.test,10.%d.%d.%d,22,deploy,Debian 12,staging,active,Rack %d,Bench host\n"
                    .formatted(p, i, 100 + i / 65536, (i / 256) % 256, i % 256, i % 40));
        }
        long t0 = System.nanoTime();
        var preview = transfer.preview(csv.toString(), ImportFormat.CSV, null);
        long t1 = System.nanoTime();
        var imported = transfer.importValid(csv.toString(), ImportFormat.CSV, null);
        long t2 = System.nanoTime();
        var out = new StringWriter();
        transfer.exportCsv(new ServerFilter(p, null, null), out);
        long t3 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            servers.listRows(new ServerFilter(p, null, null), PageRequest.of(i, 50, Sort.by("hostname")));
        }
        long t4 = System.nanoTime();
        System.out.printf(
                "%nBENCH rows=%d preview=%d ms import=%d ms (%d created) export=%d ms (%d bytes) "
                        + "listRows page of 50=%.1f ms avg over 20 pages%n",
                rows,
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                imported.count(Outcome.NEW),
                (t3 - t2) / 1_000_000,
                out.toString().length(),
                (t4 - t3) / 1_000_000.0 / 20);
        if (preview.count(Outcome.NEW) != rows) {
            throw new AssertionError("expected all rows new, got " + preview.count(Outcome.NEW));
        }
    }
}
