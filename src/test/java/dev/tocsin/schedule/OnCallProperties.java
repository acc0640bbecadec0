package dev.tocsin.schedule;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of random schedules, checked against {@link ReferenceOnCall} and the rules' edges. */
class OnCallProperties {
    private static final List<String> ZONES = List.of("Europe/Zurich", "America/New_York", "Australia/Sydney",
            "Asia/Kolkata", "UTC", "Australia/Lord_Howe", "America/Santiago");
    private static final List<Duration> EVERY = List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofMinutes(90),
            Duration.ofHours(8), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7),
            Duration.ofDays(14));
    private static final List<String> USERS = List.of("ann", "ben", "cat", "dan", "eve", "fay");
    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-11-30T00:00:00Z");

    /** A schedule, its overrides, and instants to look at (many of them near DST changes). */
    record Case(Schedule schedule, List<Override> overrides, List<Instant> instants) {
    }

    @Property(tries = 300)
    void aLayerHasExactlyOneTurnAtATimeAndTurnsLeaveNoGap(@ForAll("cases") Case example) {
        for (Layer layer : example.schedule().layers()) {
            Turns turns = new Turns(layer.rotation(), ReferenceOnCall.zone(example.schedule(), layer));
            for (Instant instant : example.instants()) {
                long turn = turns.turnAt(instant);
                if (instant.isBefore(turns.first()) || !instant.isBefore(turns.end())) {
                    assertThat(turn).isEqualTo(-1);
                    continue;
                }
                assertThat(turns.start(turn)).isBeforeOrEqualTo(instant);
                assertThat(turns.start(turn + 1)).isAfter(instant);
            }
            // Unrestricted, the turns tile the rotation's lifetime: each piece ends where the next begins.
            Layer unrestricted = new Layer(layer.name(), 0, layer.timezone(), layer.rotation(), layer.users(), List.of());
            List<LayerTimeline.Piece> pieces = new LayerTimeline(unrestricted, 0, example.schedule().timezone())
                    .pieces(FROM, FROM.plus(Duration.ofDays(60)));
            for (int i = 1; i < pieces.size(); i++) {
                assertThat(pieces.get(i).start()).isEqualTo(pieces.get(i - 1).end());
                assertThat(pieces.get(i).start()).isBefore(pieces.get(i).end());
            }
        }
    }

    @Property(tries = 300)
    void theFinalSetIsTheTopNonEmptyLayersAfterOverrides(@ForAll("cases") Case example) {
        OnCall onCall = new OnCall(example.schedule(), example.overrides());
        ReferenceOnCall reference = new ReferenceOnCall(example.schedule(), example.overrides());
        for (Instant instant : example.instants()) {
            assertThat(onCall.at(instant)).as("at %s", instant).isEqualTo(reference.at(instant));
        }
    }

    @Property(tries = 150)
    void shiftsTileTheRangeChangeOnlyAtRuleEdgesAndAgreeWithAt(@ForAll("cases") Case example) {
        OnCall onCall = new OnCall(example.schedule(), example.overrides());
        Instant from = example.instants().get(0);
        Instant to = from.plus(Duration.ofDays(20));
        List<Shift> shifts = onCall.shifts(from, to);
        Set<Instant> edges = edges(example, from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)));
        assertThat(shifts.get(0).start()).isEqualTo(from);
        assertThat(shifts.get(shifts.size() - 1).end()).isEqualTo(to);
        for (int i = 0; i < shifts.size(); i++) {
            Shift shift = shifts.get(i);
            assertThat(shift.start()).isBefore(shift.end());
            assertThat(onCall.at(shift.start())).isEqualTo(shift.users());
            assertThat(onCall.at(shift.end().minusNanos(1))).isEqualTo(shift.users());
            if (i == 0) continue;
            assertThat(shift.start()).isEqualTo(shifts.get(i - 1).end());
            assertThat(shift.users()).isNotEqualTo(shifts.get(i - 1).users());
            assertThat(edges).as("boundary %s", shift.start()).contains(shift.start());
        }
    }

    @Property(tries = 100)
    void nextAndPreviousAreTheNeighboursOfTheCurrentSegment(@ForAll("cases") Case example) {
        OnCall onCall = new OnCall(example.schedule(), example.overrides());
        Instant instant = example.instants().get(1);
        List<Shift> around = onCall.shifts(instant.minus(Duration.ofDays(400)), instant.plus(Duration.ofDays(400)));
        int current = 0;
        while (!around.get(current).end().isAfter(instant)) current++;
        if (current + 2 < around.size()) assertThat(onCall.next(instant)).contains(around.get(current + 1));
        if (current >= 2) assertThat(onCall.previous(instant)).contains(around.get(current - 1));
    }

    /** Handoffs, rotation ends, window edges and override edges, computed independently of OnCall. */
    private static Set<Instant> edges(Case example, Instant from, Instant to) {
        Set<Instant> edges = new HashSet<>();
        for (Layer layer : example.schedule().layers()) {
            ZoneId zone = ReferenceOnCall.zone(example.schedule(), layer);
            Rotation rotation = layer.rotation();
            LocalDateTime anchor = ReferenceOnCall.anchor(rotation);
            long every = rotation.every().toMillis();
            LocalDateTime localFrom = LocalDateTime.ofInstant(from, zone).minusDays(2);
            long turn = Math.max(0, Duration.between(anchor, localFrom).toMillis() / every);
            for (LocalDateTime handoff = anchor.plus(Duration.ofMillis(turn * every));
                 handoff.isBefore(LocalDateTime.ofInstant(to, zone).plusDays(2));
                 handoff = anchor.plus(Duration.ofMillis(++turn * every))) {
                edges.add(ZonedDateTime.of(handoff, zone).toInstant());
            }
            if (rotation.ends() != null) edges.add(ZonedDateTime.of(rotation.ends().atStartOfDay(), zone).toInstant());
            LocalDate last = LocalDateTime.ofInstant(to, zone).toLocalDate().plusDays(1);
            for (LocalDate day = LocalDateTime.ofInstant(from, zone).toLocalDate().minusDays(8); !day.isAfter(last);
                 day = day.plusDays(1)) {
                for (Window window : layer.only()) {
                    for (Instant[] span : ReferenceOnCall.occurrences(window, zone, day)) {
                        edges.add(span[0]);
                        edges.add(span[1]);
                    }
                }
            }
        }
        for (Override override : example.overrides()) {
            edges.add(override.start());
            edges.add(override.end());
        }
        return edges;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> zone = Arbitraries.of(ZONES);
        Arbitrary<List<Layer>> layers = layer().list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<Override>> overrides = override().list().ofMaxSize(6);
        Arbitrary<List<Long>> picks = Arbitraries.longs().between(0, Long.MAX_VALUE / 2).list().ofSize(12);
        return Combinators.combine(zone, layers, overrides, picks).as((zoneName, layerList, overrideList, numbers) -> {
            ZoneId scheduleZone = ZoneId.of(zoneName);
            Schedule schedule = new Schedule("s", "S", null, scheduleZone, layerList);
            return new Case(schedule, overrideList, instants(schedule, numbers));
        });
    }

    /** Instants near the DST changes of the zones involved, near handoffs, and anywhere. */
    private static List<Instant> instants(Schedule schedule, List<Long> numbers) {
        List<Instant> near = new ArrayList<>();
        Set<ZoneId> zones = new HashSet<>(List.of(schedule.timezone()));
        for (Layer layer : schedule.layers()) if (layer.timezone() != null) zones.add(layer.timezone());
        for (ZoneId zone : zones) {
            for (ZoneOffsetTransition transition : zone.getRules().getTransitions()) {
                if (transition.getInstant().isAfter(FROM) && transition.getInstant().isBefore(TO)) near.add(transition.getInstant());
            }
            ZoneOffsetTransition next = zone.getRules().nextTransition(FROM);
            while (next != null && next.getInstant().isBefore(TO)) {
                near.add(next.getInstant());
                next = zone.getRules().nextTransition(next.getInstant());
            }
        }
        List<Instant> instants = new ArrayList<>();
        long span = Duration.between(FROM, TO).toMinutes();
        for (int i = 0; i < numbers.size(); i++) {
            long number = numbers.get(i);
            if (i % 2 == 1 && !near.isEmpty()) {
                Instant base = near.get((int) (number % near.size()));
                instants.add(base.plus(Duration.ofMinutes((number / 7) % 2881 - 1440)));
            } else {
                instants.add(FROM.plus(Duration.ofMinutes(number % span)));
            }
        }
        return instants;
    }

    private Arbitrary<Layer> layer() {
        Arbitrary<Integer> priority = Arbitraries.integers().between(0, 2).injectNull(0.6);
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES).map(ZoneId::of).injectNull(0.5);
        Arbitrary<Rotation> rotation = Combinators.combine(Arbitraries.of(EVERY), handoff(),
                Arbitraries.integers().between(0, 560), Arbitraries.integers().between(1, 200).injectNull(0.5))
                .as((every, handoff, startDay, length) -> {
                    LocalDate starts = LocalDate.of(2026, 3, 1).plusDays(startDay);
                    return new Rotation(every, handoff, starts, length == null ? null : starts.plusDays(length));
                });
        Arbitrary<Participant> participant = Arbitraries.of(USERS).set().ofMinSize(1).ofMaxSize(2)
                .map(users -> new Participant(new ArrayList<>(users)));
        Arbitrary<List<Window>> windows = window().list().ofMaxSize(2).injectDuplicates(0.0);
        return Combinators.combine(priority, zone, rotation, participant.list().ofMinSize(1).ofMaxSize(4), windows)
                .as((p, z, r, users, only) -> new Layer("l", p, z, r, users, only));
    }

    private Arbitrary<LocalTime> time() {
        return Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.of(0, 15, 30, 45))
                .as(LocalTime::of);
    }

    private Arbitrary<Handoff> handoff() {
        return Combinators.combine(Arbitraries.of(DayOfWeek.class).injectNull(0.5), time()).as(Handoff::new);
    }

    private Arbitrary<Window> window() {
        Arbitrary<Window> daily = Combinators.combine(Arbitraries.of(DayOfWeek.class).set().ofMinSize(1), time(), time())
                .as((days, start, end) -> new Window.Daily(EnumSet.copyOf(days), start, end));
        Arbitrary<Window> weekly = Combinators.combine(Arbitraries.of(DayOfWeek.class), time(), Arbitraries.of(DayOfWeek.class), time())
                .as((startDay, start, endDay, end) -> (Window) new Window.Weekly(startDay, start, endDay, end))
                .filter(w -> !(w instanceof Window.Weekly span && span.startDay() == span.endDay()
                        && span.start().equals(span.end())));
        return Arbitraries.oneOf(daily, weekly);
    }

    private Arbitrary<Override> override() {
        long span = Duration.between(FROM, TO).toMinutes();
        return Combinators.combine(Arbitraries.of(USERS), Arbitraries.of(USERS).injectNull(0.5),
                Arbitraries.longs().between(0, span), Arbitraries.longs().between(1, 3 * 24 * 60))
                .as((user, replacing, start, minutes) -> Build.override(user, replacing, FROM.plus(Duration.ofMinutes(start)),
                        FROM.plus(Duration.ofMinutes(start + minutes))));
    }
}
