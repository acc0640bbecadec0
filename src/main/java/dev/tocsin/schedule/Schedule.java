package dev.tocsin.schedule;

import java.time.ZoneId;
import java.util.List;

/**
 * A schedule: layers of rotations in a time zone. Who is on call at an instant is computed from these rules
 * (and overrides) by the schedule module; configuration only stores and validates them.
 *
 * @param description free text, or null
 */
public record Schedule(String id, String name, String description, ZoneId timezone, List<Layer> layers) {
    public Schedule {
        layers = List.copyOf(layers);
    }
}
