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
                    assertThat(sql.replace("TIMESTAMP WITH TIME ZONE", "")).as("every timestamp in UTC: " + name)
                            .doesNotContain("TIMESTAMP");
                    assertThat(sql).doesNotContain("scheduled_tasks");
                }
            }
        }
    }

    @Test
    void aVersion2DatabaseWithRecordsIsMigratedAndItsRecipientsAreFoundByTheirAddress() throws Exception {
        javax.sql.DataSource ds = org.h2.jdbcx.JdbcConnectionPool.create("jdbc:h2:mem:v2-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "", "");
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE mail_outcome_schema_version (version INT PRIMARY KEY, description VARCHAR(200) "
                    + "NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (int v = 1; v <= 2; v++) {
                String name = Schema.MIGRATIONS.get(v - 1);
                try (var in = Schema.class.getResourceAsStream(Dialect.H2.migrationPath(name))) {
                    for (String sql : Schema.statements(new String(in.readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8))) {
                        st.execute(sql);
                    }
                }
                st.execute("INSERT INTO mail_outcome_schema_version VALUES (" + v + ", '" + name + "', "
                        + "CURRENT_TIMESTAMP)");
            }
            st.execute("INSERT INTO mail_outcome_sends VALUES ('s1', '<m1@client.test>', NULL, NULL, "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00+00', '127.0.0.1:25', FALSE)");
            st.execute("INSERT INTO mail_outcome_recipients (send_id, position, address, final_address, outcome_stage,"
                    + " outcome_text, fate) VALUES ('s1', 0, ' Bob@Lab.test', 'Bob@Lab.test', 'RCPT', "
                    + "'250 2.1.5 Ok', 'Pending')");
        }

        assertThat(Schema.migrate(ds)).isEqualTo(5);

        try (java.sql.Connection c = ds.getConnection()) {
            assertThat(HistoryQueries.of(c, "bob@lab.test")).singleElement().satisfies(e -> {
                assertThat(e).isInstanceOf(org.mailoutcome.tracking.HistoryEvent.Sent.class);
                assertThat(((org.mailoutcome.tracking.HistoryEvent.Sent) e).outcome().name()).isEqualTo("Accepted");
            });
        }
    }
}
