package dev.tocsin.store;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps prepared statements open on the writer's long-lived connection. The writer runs the same handful of
 * statements for every event; preparing each one anew cost more than executing it (SQLite compiles SQL on
 * every prepare), so reusing them is most of the ingest hot path's speed. Least recently used statements
 * beyond {@link #CAPACITY} are closed.
 *
 * <p>Jdbi creates a statement from the parsed SQL ({@code ?} placeholders) but closes it naming the SQL as written
 * ({@code :name} placeholders), so whether a statement is kept is decided by the statement itself, not its SQL.
 */
final class CachingStatementBuilder extends DefaultStatementBuilder {
    static final int CAPACITY = 128;

    private final Set<Statement> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Kept statements handed out and not yet given back: a nested run of the same SQL gets a statement of its own. */
    private final Set<Statement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= CAPACITY) return false;
            kept.remove(eldest.getValue());
            inUse.remove(eldest.getValue());
            closeQuietly(eldest.getValue());
            return true;
        }
    };

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        PreparedStatement cached = cache.get(sql);
        if (cached != null && inUse.contains(cached)) return super.create(connection, sql, context);
        if (cached != null && !cached.isClosed()) {
            cached.clearParameters();
            inUse.add(cached);
            return cached;
        }
        if (cached != null) kept.remove(cached);
        PreparedStatement statement = super.create(connection, sql, context);
        cache.put(sql, statement);
        kept.add(statement);
        inUse.add(statement);
        return statement;
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        if (kept.contains(statement)) {
            inUse.remove(statement);
        } else {
            super.close(connection, sql, statement);
        }
    }

    @Override
    public void close(Connection connection) {
        cache.values().forEach(CachingStatementBuilder::closeQuietly);
        cache.clear();
        kept.clear();
        inUse.clear();
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // closing a statement of a connection that is going away
        }
    }
}
