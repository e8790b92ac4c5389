package org.abdmdesk.store.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A piece of JDBC work run by {@link Database} while it holds the connection. It may throw one
 * checked exception of its own ({@code X}), which {@link Database} passes through unchanged.
 */
@FunctionalInterface
public interface SqlWork<T, X extends Exception> {
    T run(Connection connection) throws SQLException, X;
}
