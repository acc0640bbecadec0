package dev.tocsin.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SharedStateRefresherTest {
    @Test
    void aRefreshRunsEveryPartAndNamesThoseThatChanged() {
        List<String> ran = new ArrayList<>();
        SharedStateRefresher refresher = new SharedStateRefresher(List.of(
                new SharedStateRefresher.Part("configuration", () -> {
                    ran.add("configuration");
                    return false;   // nothing new
                }),
                new SharedStateRefresher.Part("token cache", () -> ran.add("token cache"))));

        assertThat(refresher.refreshNow()).containsExactly("token cache");
        assertThat(ran).containsExactly("configuration", "token cache");
    }

    @Test
    void aPartThatFailsIsLeftForTheNextRunAndDoesNotStopTheOthers() {
        List<String> ran = new ArrayList<>();
        SharedStateRefresher refresher = new SharedStateRefresher(List.of(
                new SharedStateRefresher.Part("configuration", () -> {
                    throw new IllegalStateException("database unreachable");
                }),
                new SharedStateRefresher.Part("token cache", () -> ran.add("token cache"))));

        assertThat(refresher.refreshNow()).containsExactly("token cache");
        assertThat(refresher.refreshNow()).containsExactly("token cache");
        assertThat(ran).hasSize(2);
    }
}
