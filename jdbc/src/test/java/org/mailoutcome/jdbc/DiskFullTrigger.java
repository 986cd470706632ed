package org.mailoutcome.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's half of {@link FullTaskTable}: refuses every row with PostgreSQL's disk-full error (SQLSTATE 53100). */
public final class DiskFullTrigger implements Trigger {
    /** H2 creates it by name. */
    public DiskFullTrigger() {
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(FullTaskTable.NO_SPACE, "53100");
    }
}
