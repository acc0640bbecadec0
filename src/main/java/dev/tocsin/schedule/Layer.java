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
 */
public record Layer(String name, Integer priority, ZoneId timezone, Rotation rotation, List<Participant> users,
                    List<Window> only) {
    public Layer {
        users = List.copyOf(users);
        only = List.copyOf(only);
    }
}
