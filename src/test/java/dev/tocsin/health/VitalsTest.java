package dev.tocsin.health;

import dev.tocsin.testing.TestDatabases;
import dev.tocsin.testing.TestHttp;
import dev.tocsin.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose database writer died (an OutOfMemoryError in a write, as a runaway calendar import once caused)
 * says so: {@code /readyz} fails at once, naming the thread, and the watchdog ends the process with status 70.
 * The watchdog runs on real time (a one-second check), so this test waits for it.
 */
class VitalsTest {
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    @ParameterizedTest
    @MethodSource("dev.tocsin.testing.TestDatabases#kinds")
    void aDeadWriterFailsReadinessAtOnceAndEndsTheProcess(TestDatabases.Kind kind) throws Exception {
        server = TestServer.start(kind, TestServer.resource("config/example.yaml"));
        TestHttp anonymous = server.http().anonymous();
        assertThat(anonymous.get("/readyz").status()).isEqualTo(200);
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        server.tocsin().vitals().watch(exited::complete);

        server.tocsin().database().write(handle -> {
            throw new OutOfMemoryError("simulated: the heap ran out during a write");
        });
        for (int i = 0; i < 100 && server.tocsin().database().writerAlive(); i++) Thread.sleep(20);

        TestHttp.Response ready = anonymous.get("/readyz");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body()).contains("database writer");
        assertThat(server.tocsin().vitals().dead()).containsExactly("database writer");
        assertThat(exited.get(10, TimeUnit.SECONDS)).isEqualTo(Vitals.EXIT_STATUS);
    }
}
