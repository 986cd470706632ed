package org.mailoutcome.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the database round trips made through it: every statement executed (a query, an
 * update, a batch) and every commit or rollback. With PostgreSQL's driver each of these is one round trip; taking
 * a pooled connection is none.
 */
public final class RoundTrips implements DataSource {
    private final DataSource target;
    private final AtomicLong count = new AtomicLong();

    /**
     * Counts the round trips through a data source.
     *
     * @param target the data source
     */
    public RoundTrips(DataSource target) {
        this.target = target;
    }

    /**
     * The round trips counted so far.
     *
     * @return the count
     */
    public long count() {
        return count.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counting(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting(target.getConnection(username, password));
    }

    private Connection counting(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback")) count.incrementAndGet();
            Object result = invoke(connection, method, args);
            if (result instanceof PreparedStatement ps) return statement(ps, PreparedStatement.class);
            if (result instanceof Statement s) return statement(s, Statement.class);
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private <T extends Statement> T statement(T statement, Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) count.incrementAndGet();
            return invoke(statement, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
