package dev.tocsin.login;

import dev.tocsin.auth.Role;
import dev.tocsin.refusal.Refusal;
import dev.tocsin.store.Database;

import java.time.Clock;
import java.util.Optional;

/**
 * Who may log in to the web UI, with which password and role. Setting a password ends the user's sessions, so a
 * password changed because it leaked locks out whoever used it.
 */
public final class WebLogins {
    private final Database database;
    private final Clock clock;

    public WebLogins(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Sets (or replaces) the user's password and role; refuses a password that does not meet {@link Passwords}. */
    public void setPassword(String userId, String password, Role role) {
        Passwords.problem(password).ifPresent(problem -> {
            throw Refusal.invalid("password: " + problem);
        });
        String hash = Passwords.hash(password);
        long now = clock.millis();
        database.writeAndWait(handle -> {
            handle.createUpdate("""
                            INSERT INTO web_logins (user_id, password_hash, role, updated_at) VALUES (:user, :hash, :role, :now)
                            ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role,
                                   updated_at = excluded.updated_at""")
                    .bind("hash", hash).bind("role", role.wireName()).bind("now", now).bind("user", userId).execute();
            WebSessions.revokeAll(handle, userId, now);
            return null;
        });
    }

    /** The role of the user if {@code password} is theirs. */
    public Optional<Role> check(String userId, String password) {
        Optional<String[]> stored = database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT password_hash, role FROM web_logins WHERE user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .findOne());
        if (stored.isEmpty()) {
            Passwords.matches(password, DUMMY_HASH);   // the same work whether or not the user has a login
            return Optional.empty();
        }
        if (!Passwords.matches(password, stored.get()[0])) return Optional.empty();
        return Role.fromWireName(stored.get()[1]);
    }

    /** The role of the user's web login, if they have one (single sign-on gives the same role). */
    public Optional<Role> role(String userId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT role FROM web_logins WHERE user_id = :user")
                .bind("user", userId).mapTo(String.class).findOne()).flatMap(Role::fromWireName);
    }

    /** Whether the user has a web password at all. */
    public boolean hasLogin(String userId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM web_logins WHERE user_id = :user")
                .bind("user", userId).mapTo(Integer.class).one()) > 0;
    }

    /** Changes the role of an existing login; the user's sessions end, so the new role applies at the next sign-in. */
    public void setRole(String userId, Role role) {
        long now = clock.millis();
        int changed = database.writeAndWait(handle -> {
            int rows = handle.createUpdate("UPDATE web_logins SET role = :role, updated_at = :now WHERE user_id = :user")
                    .bind("role", role.wireName()).bind("now", now).bind("user", userId).execute();
            WebSessions.revokeAll(handle, userId, now);
            return rows;
        });
        if (changed == 0) throw Refusal.notFound("web sign-in of '" + userId + "'");
    }

    /** Takes away the user's web password and ends their sessions; an invitation or set-password gives it back. */
    public boolean remove(String userId) {
        long now = clock.millis();
        return database.writeAndWait(handle -> {
            int rows = handle.createUpdate("DELETE FROM web_logins WHERE user_id = :user").bind("user", userId).execute();
            WebSessions.revokeAll(handle, userId, now);
            return rows;
        }) > 0;
    }

    private static final String DUMMY_HASH = Passwords.hash("no-such-login-" + System.nanoTime());
}
