package dev.tocsin.schedule;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A fixed-shift layer against the obvious reference: at any instant, the people whose shifts cover it. */
class FixedShiftLayerPropertyTest {
    private static final Instant BASE = Instant.parse("2027-03-01T00:00:00Z");

    @Provide
    Arbitrary<List<FixedShift>> shifts() {
        Arbitrary<FixedShift> shift = Combinators.combine(
                Arbitraries.of("ann", "ben", "cat"), Arbitraries.integers().between(0, 96), Arbitraries.integers().between(1, 48))
                .as((user, startHour, hours) -> new FixedShift(user, BASE.plusSeconds(startHour * 3600L),
                        BASE.plusSeconds((startHour + hours) * 3600L)));
        return shift.list().ofMaxSize(8);
    }

    @Property(tries = 300)
    void whoIsOnCallIsEveryoneWhoseShiftCoversTheInstant(@ForAll("shifts") List<FixedShift> shifts,
                                                         @ForAll("hours") int hour) {
        OnCall onCall = new OnCall(new Schedule("s", "S", null, ZoneId.of("UTC"),
                List.of(Layer.ofShifts("imported", null, null, shifts))), List.of());
        Instant at = BASE.plusSeconds(hour * 1800L);

        Set<String> expected = shifts.stream().filter(s -> !s.start().isAfter(at) && s.end().isAfter(at))
                .map(FixedShift::userId).collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(onCall.at(at))).isEqualTo(expected);
        assertThat(onCall.shifts(at, at.plusSeconds(1)).get(0).users()).isEqualTo(onCall.at(at));
    }

    @Provide
    Arbitrary<Integer> hours() {
        return Arbitraries.integers().between(0, 300);
    }
}
