package dev.tocsin.store;

import dev.tocsin.testing.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CachingStatementBuilderTest {
    /** Records the JDBC statement each run used. */
    private static final class Seen implements StatementCustomizer {
        final List<PreparedStatement> statements = new ArrayList<>();

        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) {
            statements.add(statement);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void theSameSqlRunsOnTheSamePreparedStatementAcrossTransactions(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), new SimpleMeterRegistry());
             Handle handle = database.jdbi().open()) {
            handle.setStatementBuilder(new CachingStatementBuilder());
            handle.execute("CREATE TABLE cache_probe (n INTEGER NOT NULL)");
            Seen inserts = new Seen();
            Seen selects = new Seen();
            for (int i = 0; i < 3; i++) {
                int n = i;
                handle.useTransaction(transaction -> {
                    transaction.createUpdate("INSERT INTO cache_probe (n) VALUES (:n)").bind("n", n).addCustomizer(inserts).execute();
                    transaction.createQuery("SELECT count(*) FROM cache_probe WHERE n <= :n").bind("n", n)
                            .addCustomizer(selects).mapTo(Integer.class).one();
                });
            }
            assertThat(inserts.statements).hasSize(3).allSatisfy(s -> assertThat(s).isSameAs(inserts.statements.get(0)));
            assertThat(selects.statements).hasSize(3).allSatisfy(s -> assertThat(s).isSameAs(selects.statements.get(0)));
            assertThat(handle.createQuery("SELECT count(*) FROM cache_probe").mapTo(Integer.class).one()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aNestedRunOfTheSameQueryGetsItsOwnStatementAndBothReadCorrectly(TestDatabases.Kind kind) {
        try (var db = TestDatabases.create(kind); Database database = Database.open(db.url(), new SimpleMeterRegistry());
             Handle handle = database.jdbi().open()) {
            handle.setStatementBuilder(new CachingStatementBuilder());
            handle.execute("CREATE TABLE cache_probe (n INTEGER NOT NULL)");
            for (int n = 1; n <= 3; n++) handle.execute("INSERT INTO cache_probe (n) VALUES (?)", n);
            String sql = "SELECT n FROM cache_probe WHERE n >= :from ORDER BY n";
            List<String> pairs = new ArrayList<>();
            try (var outer = handle.createQuery(sql).bind("from", 1).mapTo(Integer.class).iterator()) {
                while (outer.hasNext()) {
                    int a = outer.next();
                    for (int b : handle.createQuery(sql).bind("from", a).mapTo(Integer.class).list()) pairs.add(a + "-" + b);
                }
            }
            assertThat(pairs).containsExactly("1-1", "1-2", "1-3", "2-2", "2-3", "3-3");
            // and the cached statement is still usable afterwards
            assertThat(handle.createQuery(sql).bind("from", 2).mapTo(Integer.class).list()).containsExactly(2, 3);
        }
    }
}
