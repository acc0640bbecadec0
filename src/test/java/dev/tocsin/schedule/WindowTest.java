package dev.tocsin.schedule;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowTest {
    @Test
    void aDailyWindowOnWeekdays() {
        Window window = Window.parse("Mon-Fri 08:00-20:00");

        assertThat(window).isEqualTo(new Window.Daily(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(20, 0)));
        assertThat(window).hasToString("Mon-Fri 08:00-20:00");
    }

    @Test
    void aWindowEndingBeforeItStartsRunsPastMidnightEveryDay() {
        Window.Daily window = (Window.Daily) Window.parse("22:00-06:00");

        assertThat(window.days()).hasSize(7);
        assertThat(window.pastMidnight()).isTrue();
        assertThat(window).hasToString("22:00-06:00");
    }

    @Test
    void dayListsAndRangesThatWrapTheWeek() {
        assertThat(Window.parse("Sat,Sun 10:00-12:00")).hasToString("Sat-Sun 10:00-12:00");
        assertThat(Window.parse("Fri-Mon 10:00-24:00")).hasToString("Mon,Fri-Sun 10:00-00:00");
        assertThat(Window.parse("mon,wed 10:00-11:00")).hasToString("Mon,Wed 10:00-11:00");
    }

    @Test
    void aWeeklySpanAcrossDays() {
        Window window = Window.parse("Fri 18:00 - Mon 08:00");

        assertThat(window).isEqualTo(new Window.Weekly(DayOfWeek.FRIDAY, LocalTime.of(18, 0), DayOfWeek.MONDAY, LocalTime.of(8, 0)));
        assertThat(window).hasToString("Fri 18:00 - Mon 08:00");
    }

    @Test
    void malformedWindowsSayWhy() {
        assertThatThrownBy(() -> Window.parse("weekdays")).hasMessageStartingWith("malformed window 'weekdays'");
        assertThatThrownBy(() -> Window.parse("Mon-Fri 8-20")).hasMessageStartingWith("malformed window");
        assertThatThrownBy(() -> Window.parse("Mon-Fry 08:00-20:00")).hasMessageStartingWith("unknown day 'Fry'");
        assertThatThrownBy(() -> Window.parse("08:60-09:00")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Window.parse("Mon 09:00 - Mon 09:00")).hasMessageContaining("is empty");
    }

    @Test
    void handoffsAreDailyOrWeekly() {
        assertThat(Handoff.parse("09:00")).isEqualTo(new Handoff(null, LocalTime.of(9, 0)));
        assertThat(Handoff.parse("Mon 09:00")).isEqualTo(new Handoff(DayOfWeek.MONDAY, LocalTime.of(9, 0)));
        assertThat(Handoff.parse("Mon 09:00")).hasToString("Mon 09:00");
        assertThatThrownBy(() -> Handoff.parse("every Monday at 9")).hasMessageStartingWith("malformed handoff");
    }
}
