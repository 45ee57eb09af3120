package com.infraconsole.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.infraconsole.Fuzz;
import com.infraconsole.base.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The server import parsers on hostile files: random text, valid files with hostile edits, and
 * over-long lines. A file may be refused as a whole (InvalidInputException) or give rows with
 * problems; nothing else may come out of them.
 */
class ImportParsersFuzzTest {

    private static final Set<String> ENVIRONMENTS = Set.of("development", "staging", "production");

    private static final String CSV = """
            hostname,ip_address,ssh_port,ssh_user,os_type,environment,status,location,description
            web-01,10.0.0.1,22,deploy,Debian 12,production,active,"Rack 4, row 2","Front ""web"" node
            second line"
            db-01,2001:db8::1,2222,ansible,,staging,maintenance,,
            """;

    private static final String INI = """
            # inventory
            [web]
            web-01 ansible_host=10.0.0.1 ansible_port=2222 ansible_user=deploy
            10.0.0.7 note="a quoted value"
            [production:children]
            web
            [web:vars]
            ansible_user='ops'
            """;

    @Test
    void csv_import_refuses_or_reports_every_hostile_file_and_never_throws_anything_else() {
        var fuzz = Fuzz.forTest("csv-import");
        for (int i = 0; i < 3000; i++) {
            var text = switch (i % 3) {
                case 0 -> fuzz.string(400);
                case 1 -> fuzz.mutate(CSV);
                default -> CSV.lines().findFirst().orElseThrow() + "\n" + fuzz.string(2000);
            };
            check(fuzz, () -> ImportRows.fromCsv(text));
        }
        // One cell as long as an upload can be: the parser is linear, not recursive.
        check(fuzz, () -> ImportRows.fromCsv("hostname,ip_address\n\"" + "x".repeat(5_000_000) + "\",1.2.3.4\n"));
        System.out.println("[fuzz] CSV import cases tried: " + fuzz.cases());
        assertThat(fuzz.cases()).isEqualTo(3001);
    }

    @Test
    void inventory_import_refuses_or_reports_every_hostile_file_and_never_throws_anything_else() {
        var fuzz = Fuzz.forTest("inventory-import");
        for (int i = 0; i < 3000; i++) {
            var text = i % 2 == 0 ? fuzz.string(400) : fuzz.mutate(INI);
            check(fuzz, () -> ImportRows.fromInventory(text, ENVIRONMENTS));
        }
        // Long host names, long quoted values and a long run of quotes on one line.
        for (var line : List.of(
                "h".repeat(200_000),
                "web ansible_host=\"" + "1".repeat(200_000) + "\"",
                "\"a\"".repeat(100_000),
                "'".repeat(200_001),
                "a=".repeat(100_000))) {
            check(fuzz, () -> ImportRows.fromInventory("[web]\n" + line + "\n", ENVIRONMENTS));
        }
        System.out.println("[fuzz] inventory import cases tried: " + fuzz.cases());
        assertThat(fuzz.cases()).isEqualTo(3005);
    }

    private static void check(Fuzz fuzz, Supplier<List<ImportRows.Candidate>> parse) {
        fuzz.tried();
        try {
            for (var row : parse.get()) {
                assertThat(row.line()).isPositive();
                assertThat(row.fields()).isNotNull();
            }
        } catch (InvalidInputException refused) {
            assertThat(refused.fieldErrors()).isNotEmpty();
        }
    }
}
