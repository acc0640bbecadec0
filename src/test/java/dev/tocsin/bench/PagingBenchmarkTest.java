package dev.tocsin.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmarks' own plumbing, on a tiny scale: their configuration applies and every alert is seen paged. */
class PagingBenchmarkTest {
    @TempDir
    Path directory;

    @Test
    void everyAlertIsPagedBySmsThroughTheFakeGatewayOnePersonEach() throws Exception {
        PagingBenchmark.Result result = new PagingBenchmark(new PagingBenchmark.Options(
                "jdbc:sqlite:" + directory.resolve("sms.db"), 20, Duration.ZERO, Duration.ofSeconds(1),
                BenchOrganisation.Channel.SMS, 20)).run();

        assertThat(result.sent()).isEqualTo(20);
        assertThat(result.accepted()).isEqualTo(20);
        assertThat(result.neverPaged()).isZero();
        assertThat(result.providerRequests()).isEqualTo(20);
        assertThat(result.repeats()).isZero();
        assertThat(result.fromAccepted().count()).isEqualTo(20);
    }

    @Test
    void everyAlertIsPagedThroughTheWebhookOfOnePerson() throws Exception {
        PagingBenchmark.Result result = new PagingBenchmark(new PagingBenchmark.Options(
                "jdbc:sqlite:" + directory.resolve("webhook.db"), 20, Duration.ZERO, Duration.ofSeconds(1),
                BenchOrganisation.Channel.WEBHOOK, 1)).run();

        assertThat(result.accepted()).isEqualTo(20);
        assertThat(result.neverPaged()).isZero();
        assertThat(result.providerRequests()).isBetween(1L, 20L);   // pages waiting for one webhook are bundled
    }

    @Test
    void theMemoryBenchmarkOpensItsIncidentsAndTheServerStillAnswers() throws Exception {
        MemoryBenchmark.Result result = new MemoryBenchmark("jdbc:sqlite:" + directory.resolve("memory.db"), 200).run();

        assertThat(result.open()).isEqualTo(200);
        assertThat(result.failed()).isZero();
        assertThat(result.listStatus()).isEqualTo(200);
        assertThat(result.ackStatus()).isEqualTo(200);
        assertThat(result.usedAfterGcMb()).isPositive();
    }
}
