package dev.tocsin.bench;

import dev.tocsin.schedule.Handoff;
import dev.tocsin.schedule.Layer;
import dev.tocsin.schedule.OnCall;
import dev.tocsin.schedule.Override;
import dev.tocsin.schedule.Participant;
import dev.tocsin.schedule.Rotation;
import dev.tocsin.schedule.Schedule;
import dev.tocsin.schedule.Shift;
import dev.tocsin.schedule.Window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Who-is-on-call for a schedule of 5 layers × 20 people with restrictions and 1,000 overrides: the latency
 * of {@link OnCall#at} at random instants of a year, and the time to compute one year of {@link OnCall#shifts}.
 */
public final class OnCallBenchmark {
    private static final Instant YEAR_START = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant YEAR_END = Instant.parse("2028-01-01T00:00:00Z");

    /** What was measured. */
    public record Result(double atMedianMicros, double atP99Micros, double shiftsMedianMillis, double shiftsMaxMillis,
                         int shiftsInYear) {
        public String report() {
            return String.format("at: median=%.2f µs p99=%.2f µs | shifts for one year: median=%.2f ms max=%.2f ms "
                    + "(%d shifts) | schedule: 5 layers x 20 people, restrictions, 1000 overrides",
                    atMedianMicros, atP99Micros, shiftsMedianMillis, shiftsMaxMillis, shiftsInYear);
        }
    }

    public Result run(int atCalls, int shiftRuns) {
        OnCall onCall = new OnCall(schedule(), overrides(new Random(7)));
        Random random = new Random(42);
        long yearSeconds = Duration.between(YEAR_START, YEAR_END).toSeconds();
        long sink = 0;
        for (int i = 0; i < atCalls; i++) {   // warm-up
            sink += onCall.at(YEAR_START.plusSeconds((long) (random.nextDouble() * yearSeconds))).size();
        }
        long[] atNanos = new long[atCalls];
        for (int i = 0; i < atCalls; i++) {
            Instant instant = YEAR_START.plusSeconds((long) (random.nextDouble() * yearSeconds));
            long started = System.nanoTime();
            sink += onCall.at(instant).size();
            atNanos[i] = System.nanoTime() - started;
        }
        int shiftCount = 0;
        for (int i = 0; i < shiftRuns; i++) shiftCount = onCall.shifts(YEAR_START, YEAR_END).size();   // warm-up
        long[] shiftNanos = new long[shiftRuns];
        for (int i = 0; i < shiftRuns; i++) {
            long started = System.nanoTime();
            List<Shift> shifts = onCall.shifts(YEAR_START, YEAR_END);
            shiftNanos[i] = System.nanoTime() - started;
            sink += shifts.size();
        }
        if (sink == 42) System.out.print("");   // keep the results alive
        Arrays.sort(atNanos);
        Arrays.sort(shiftNanos);
        return new Result(atNanos[atCalls / 2] / 1e3, atNanos[(int) (atCalls * 0.99)] / 1e3,
                shiftNanos[shiftRuns / 2] / 1e6, shiftNanos[shiftRuns - 1] / 1e6, shiftCount);
    }

    static Schedule schedule() {
        List<Layer> layers = List.of(
                layer("weekly", null, "1w", "Mon 09:00", "a"),
                layer("business hours", null, "1d", "08:00", "b", "Mon-Fri 08:00-18:00"),
                layer("sydney", "Australia/Sydney", "12h", "08:00", "c", "08:00-20:00"),
                layer("weekend", "America/New_York", "1d", "09:00", "d", "Fri 18:00 - Mon 08:00"),
                layer("nights", "Asia/Kolkata", "8h", "06:00", "e", "Mon-Thu 22:00-06:00", "Sat 10:00-14:00"));
        return new Schedule("bench", "Benchmark", null, ZoneId.of("Europe/Zurich"), layers);
    }

    private static Layer layer(String name, String zone, String every, String handoff, String prefix, String... only) {
        List<Participant> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) users.add(Participant.of(prefix + i));
        List<Window> windows = new ArrayList<>();
        for (String window : only) windows.add(Window.parse(window));
        Duration duration = switch (every) {
            case "1w" -> Duration.ofDays(7);
            case "1d" -> Duration.ofDays(1);
            default -> Duration.ofHours(Long.parseLong(every.replace("h", "")));
        };
        return new Layer(name, null, zone == null ? null : ZoneId.of(zone),
                new Rotation(duration, Handoff.parse(handoff), LocalDate.of(2026, 6, 1), null), users, windows);
    }

    private static List<Override> overrides(Random random) {
        List<Override> overrides = new ArrayList<>();
        long yearMinutes = Duration.between(YEAR_START, YEAR_END).toMinutes();
        for (int i = 0; i < 1000; i++) {
            Instant start = YEAR_START.plus(Duration.ofMinutes((long) (random.nextDouble() * yearMinutes)));
            Instant end = start.plus(Duration.ofMinutes(30 + random.nextInt(12 * 60)));
            String replacing = random.nextBoolean() ? null : "a" + random.nextInt(20);
            overrides.add(new Override("o" + i, "bench", "x" + random.nextInt(50), replacing, start, end, "bench", start));
        }
        return overrides;
    }
}
