package dev.tocsin.schedule;

import java.time.ZoneId;
import java.util.List;

/**
 * One rotation of a schedule. Among layers with someone on call, those of the highest priority decide;
 * equal priorities combine.
 *
 * @param priority explicit priority, or null for the layer's position in the list (a later layer wins)
 * @param timezone time zone for the handoff and the windows, or null for the schedule's
 * @param users    participants in turn order; each is one user or a group on call together
 * @param only     windows the layer covers; empty means always
 * @param rotation the rotation, or null for a layer of fixed {@code shifts} (then {@code users} is empty)
 * @param shifts   a fixed-shift layer's shifts (overlapping ones combine); empty for a rotation
 */
public record Layer(String name, Integer priority, ZoneId timezone, Rotation rotation, List<Participant> users,
                    List<Window> only, List<FixedShift> shifts) {
    public Layer {
        users = List.copyOf(users);
        only = List.copyOf(only);
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
    }

    /** A rotation layer. */
    public Layer(String name, Integer priority, ZoneId timezone, Rotation rotation, List<Participant> users,
                 List<Window> only) {
        this(name, priority, timezone, rotation, users, only, List.of());
    }

    /** A layer of fixed shifts (an imported calendar), without rotation, users or windows. */
    public static Layer ofShifts(String name, Integer priority, ZoneId timezone, List<FixedShift> shifts) {
        return new Layer(name, priority, timezone, null, List.of(), List.of(), shifts);
    }

    /** True for a layer of fixed shifts rather than a rotation. */
    public boolean isFixed() {
        return rotation == null;
    }
}
