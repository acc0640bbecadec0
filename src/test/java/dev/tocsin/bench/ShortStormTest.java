package dev.tocsin.bench;

import dev.tocsin.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short alert storm in every build (the long form is {@code tocsin bench paging --rate 1000 --seconds 30}, see
 * docs/benchmarks.md): 2,000 new incidents in two seconds on a real server, each paging its own person by SMS
 * through a fake gateway. Nothing is timed here; what must hold in a storm is: every alert accepted, every incident
 * paged, and none paged twice. A second storm pages one person through a webhook: what waits for one contact method
 * is bundled, and still every incident is paged once.
 */
class ShortStormTest {
    private static final int RATE = 1_000;
    private static final Duration SECONDS = Duration.ofSeconds(2);
    private static final int INCIDENTS = 2_000;

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void everyIncidentOfAStormIsPagedExactlyOnce(TestDatabases.Kind kind) throws Exception {
        try (TestDatabases.TestDatabase database = TestDatabases.create(kind)) {
            PagingBenchmark.Result result = new PagingBenchmark(new PagingBenchmark.Options(database.url(), RATE,
                    Duration.ZERO, SECONDS, BenchOrganisation.Channel.SMS, INCIDENTS)).run();

            assertThat(result.sent()).isEqualTo(INCIDENTS);
            assertThat(result.accepted()).as(result.report()).isEqualTo(INCIDENTS);
            assertThat(result.neverPaged()).as(result.report()).isZero();
            assertThat(result.repeats()).as(result.report()).isZero();
            assertThat(result.providerRequests()).as(result.report()).isEqualTo(INCIDENTS);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aStormForOnePersonIsBundledAndStillPagesEveryIncident(TestDatabases.Kind kind) throws Exception {
        try (TestDatabases.TestDatabase database = TestDatabases.create(kind)) {
            PagingBenchmark.Result result = new PagingBenchmark(new PagingBenchmark.Options(database.url(), RATE / 2,
                    Duration.ZERO, SECONDS, BenchOrganisation.Channel.WEBHOOK, 1)).run();

            assertThat(result.accepted()).as(result.report()).isEqualTo(RATE);
            assertThat(result.neverPaged()).as(result.report()).isZero();
            assertThat(result.repeats()).as(result.report()).isZero();
            assertThat(result.providerRequests()).as("bundled: " + result.report()).isLessThan(RATE);
        }
    }
}
