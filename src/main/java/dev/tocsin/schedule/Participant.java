package dev.tocsin.schedule;

import java.util.List;

/** One turn-taker of a rotation: a single user, or a group of users who are on call together. */
public record Participant(List<String> users) {
    public Participant {
        users = List.copyOf(users);
    }

    public static Participant of(String user) {
        return new Participant(List.of(user));
    }
}
