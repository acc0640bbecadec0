package dev.tocsin.override;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeNoticesTest {
    private static ChangeNotices.Span span(int fromHour, int toHour) {
        return new ChangeNotices.Span(Instant.parse("2027-03-24T00:00:00Z").plusSeconds(fromHour * 3600L),
                Instant.parse("2027-03-24T00:00:00Z").plusSeconds(toHour * 3600L));
    }

    @Test
    void whatWasLostIsTheOldTimeWithoutTheNew() {
        assertThat(ChangeNotices.minus(List.of(span(0, 10)), List.of(span(2, 4), span(6, 7))))
                .containsExactly(span(0, 2), span(4, 6), span(7, 10));
        assertThat(ChangeNotices.minus(List.of(span(0, 10)), List.of(span(0, 10)))).isEmpty();
        assertThat(ChangeNotices.minus(List.of(span(0, 2), span(5, 8)), List.of(span(1, 6))))
                .containsExactly(span(0, 1), span(6, 8));
        assertThat(ChangeNotices.minus(List.of(span(3, 4)), List.of())).containsExactly(span(3, 4));
    }
}
