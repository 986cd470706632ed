package org.mailoutcome.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaTest {
    @Test
    void scriptIsSplitAtSemicolonsThatEndALineAndCommentsAreDropped() {
        assertThat(Schema.statements("-- header\nCREATE TABLE a (\n  x INT\n);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (\n  x INT\n)", "CREATE INDEX i ON a (x)");
    }

    @Test
    void scriptWithoutAFinalSemicolonIsRefused() {
        assertThatThrownBy(() -> Schema.statements("CREATE TABLE a (x INT)")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyDialectHasEveryMigrationAndUsesTheTablePrefix() throws Exception {
        for (Dialect d : Dialect.values()) {
            for (String name : Schema.MIGRATIONS) {
                try (var in = Schema.class.getResourceAsStream(d.migrationPath(name))) {
                    String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    assertThat(sql.lines().filter(l -> l.startsWith("CREATE")))
                            .allSatisfy(l -> assertThat(l).matches("CREATE (UNIQUE )?(TABLE|INDEX) mail_outcome_\\w+.*"));
                    assertThat(sql).contains("TIMESTAMP WITH TIME ZONE").doesNotContain("scheduled_tasks");
                }
            }
        }
    }
}
