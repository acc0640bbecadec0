package dev.tocsin.store;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps prepared statements open on the writer's long-lived connection. The writer runs the same handful of
 * statements for every event; preparing each one anew cost more than executing it (SQLite compiles SQL on
 * every prepare), so reusing them is most of the ingest hot path's speed. Least recently used statements
 * beyond {@link #CAPACITY} are closed.
 */
final class CachingStatementBuilder extends DefaultStatementBuilder {
    static final int CAPACITY = 128;

    private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= CAPACITY) return false;
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        PreparedStatement cached = cache.get(sql);
        if (cached != null && !cached.isClosed()) {
            cached.clearParameters();
            return cached;
        }
        PreparedStatement statement = super.create(connection, sql, context);
        cache.put(sql, statement);
        return statement;
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        if (cache.get(sql) != statement) super.close(connection, sql, statement);
    }

    @Override
    public void close(Connection connection) {
        cache.values().forEach(CachingStatementBuilder::closeQuietly);
        cache.clear();
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // closing a statement of a connection that is going away
        }
    }
}
