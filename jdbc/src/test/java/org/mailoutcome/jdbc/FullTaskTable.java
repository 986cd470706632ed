package org.mailoutcome.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.mailoutcome.jdbc.internal.Ledger;

/**
 * Makes the database "full" for the retry hand-off: a trigger the database itself runs refuses every INSERT into
 * the task table, as a full disk refuses the page the insert needs. PostgreSQL: a PL/pgSQL trigger raising
 * {@code SQLSTATE 53100 disk_full} with the server's own "could not extend file ... No space left on device"
 * text. H2 (which has no SQL trigger bodies): {@link DiskFullTrigger}, a Java trigger throwing that error.
 * The ledger rows the hand-off inserts first are accepted, so the test sees whether the transaction rolled back.
 */
final class FullTaskTable {
    static final String NO_SPACE = "could not extend file \"base/16384/24576\": No space left on device";
    private static final String PG_FUNCTION = "CREATE FUNCTION mail_outcome_full() RETURNS trigger LANGUAGE plpgsql"
            + " AS $$ BEGIN RAISE EXCEPTION '" + NO_SPACE.replace("'", "''")
            + "' USING ERRCODE = 'disk_full', HINT = 'Check free disk space.'; END $$";

    private FullTaskTable() {
    }

    /** Installs the trigger (the schema must be migrated). */
    static void fill(Database db) throws SQLException {
        if (db.isH2()) {
            execute(db, "CREATE TRIGGER mail_outcome_full BEFORE INSERT ON " + Ledger.TASKS_TABLE
                    + " FOR EACH ROW CALL '" + DiskFullTrigger.class.getName() + "'");
        } else {
            execute(db, PG_FUNCTION);
            execute(db, "CREATE TRIGGER mail_outcome_full BEFORE INSERT ON " + Ledger.TASKS_TABLE
                    + " FOR EACH ROW EXECUTE FUNCTION mail_outcome_full()");
        }
    }

    /** Drops the trigger: space is free again. */
    static void free(Database db) throws SQLException {
        execute(db, "DROP TRIGGER mail_outcome_full" + (db.isH2() ? "" : " ON " + Ledger.TASKS_TABLE));
    }

    /** How many rows a table holds. */
    static long rows(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
