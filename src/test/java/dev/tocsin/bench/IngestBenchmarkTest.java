package dev.tocsin.bench;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest benchmark's plumbing on a tiny scale: every accepted event is durable, and incidents page the on-call. */
class IngestBenchmarkTest {
    @TempDir
    Path directory;

    @Test
    void everyAcceptedEventIsDurableAndNewIncidentsPageWhoeverIsOnCall() throws Exception {
        String url = "jdbc:sqlite:" + directory.resolve("ingest.db");
        IngestBenchmark.Result result = new IngestBenchmark(new IngestBenchmark.Options(url, 4, Duration.ZERO,
                Duration.ofSeconds(1), 10)).run();

        assertThat(result.accepted()).as(result.report()).isPositive();
        assertThat(result.failed()).as(result.report()).isZero();
        assertThat(result.durableEvents()).as(result.report()).isEqualTo(result.expectedDurable());
        long pagedThroughTheSchedule = Jdbi.create(url).withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM timeline WHERE message LIKE '%on call in schedule:bench-rota%'")
                .mapTo(Long.class).one());
        assertThat(pagedThroughTheSchedule).as("incidents paged the person on call in the bench's schedule").isPositive();
    }
}
