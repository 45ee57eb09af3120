package com.infraconsole.dbadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement splitter that restores dumps without the mariadb client. */
class SqlScriptTest {

    private static List<String> split(String script) {
        var s = new SqlScript(new BufferedReader(new StringReader(script)));
        var all = new ArrayList<String>();
        for (var sql = s.next(); sql != null; sql = s.next()) {
            all.add(sql);
        }
        return all;
    }

    @Test
    void splits_on_the_delimiter_but_not_inside_strings_names_or_comments() {
        assertThat(split("""
                -- MariaDB dump
                /*M!999999\\- enable the sandbox mode */
                /*!40101 SET NAMES utf8mb4 */;
                INSERT INTO `a;b` VALUES (1,'x;y','it\\'s; ok'),(2,"q;",NULL);
                /* a plain comment; with a semicolon */
                SELECT 1; SELECT 2;
                # trailing comment
                """))
                .containsExactly(
                        "/*M!999999\\- enable the sandbox mode */\n/*!40101 SET NAMES utf8mb4 */",
                        "INSERT INTO `a;b` VALUES (1,'x;y','it\\'s; ok'),(2,\"q;\",NULL)",
                        "/* a plain comment; with a semicolon */\nSELECT 1",
                        "SELECT 2");
    }

    @Test
    void follows_delimiter_lines_around_triggers() {
        assertThat(split("""
                DELIMITER ;;
                /*!50003 CREATE*/ /*!50017 DEFINER=``*/ /*!50003 TRIGGER t BEFORE UPDATE ON x FOR EACH ROW
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no; never' */;;
                DELIMITER ;
                /*!50003 SET sql_mode = @saved_sql_mode */ ;
                """)).containsExactly("""
                /*!50003 CREATE*/ /*!50017 DEFINER=``*/ /*!50003 TRIGGER t BEFORE UPDATE ON x FOR EACH ROW
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no; never' */""", "/*!50003 SET sql_mode = @saved_sql_mode */");
    }

    @Test
    void counts_the_rows_of_an_extended_insert() {
        var sql = "INSERT INTO `t` VALUES\n(1,'a(b','c\\')d'),(2,NULL,'(('),\n(3,'x','y')";
        assertThat(DumpContents.tuples(sql, sql.indexOf("VALUES") + 6)).isEqualTo(3);
    }
}
