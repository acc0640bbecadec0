package dev.tocsin.notice;

import dev.tocsin.user.ContactMethod;
import dev.tocsin.user.User;

import java.util.Optional;

/**
 * Where a person's notices go: a channel ({@code email} or {@code console}) and an address on it.
 *
 * @param address an email address, or the user id for the console
 */
public record Route(String channel, String address) {
    public static final String EMAIL = "email";
    public static final String CONSOLE = "console";

    /**
     * The contact method the user chose in {@code notices.via}; without a choice their first email contact
     * method, else their console method, else the {@code email} field of the user. Empty when none of these
     * exists: the notice cannot be delivered until the configuration gives a way.
     *
     * @param mailServer whether {@code providers.smtp} is configured. Without one, a console method is
     *                   preferred to email (the demo organisation has both and no mail server); an explicit
     *                   {@code via} is still honoured and fails visibly.
     */
    public static Optional<Route> of(User user, boolean mailServer) {
        String via = user.notices().via();
        if (via != null) {
            Optional<Route> chosen = user.contactMethod(via).flatMap(method -> of(user, method));
            if (chosen.isPresent()) return chosen;
        }
        Optional<Route> console = user.contactMethods().stream()
                .filter(method -> method instanceof ContactMethod.Console).findFirst()
                .map(method -> new Route(CONSOLE, user.id()));
        if (!mailServer && console.isPresent()) return console;
        for (ContactMethod method : user.contactMethods()) {
            if (method instanceof ContactMethod.Email email) return Optional.of(new Route(EMAIL, email.to()));
        }
        if (console.isPresent()) return console;
        return Optional.ofNullable(user.email()).map(email -> new Route(EMAIL, email));
    }

    private static Optional<Route> of(User user, ContactMethod method) {
        if (method instanceof ContactMethod.Email email) return Optional.of(new Route(EMAIL, email.to()));
        if (method instanceof ContactMethod.Console) return Optional.of(new Route(CONSOLE, user.id()));
        return Optional.empty();
    }
}
