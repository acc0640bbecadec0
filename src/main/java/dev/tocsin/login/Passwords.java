package dev.tocsin.login;

import com.password4j.Password;

import java.util.Optional;

/** Password hashing (argon2id with a random salt, password4j's defaults) and the rules a new password must meet. */
public final class Passwords {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 200;

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt().withArgon2().getResult();
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null) return false;
        try {
            return Password.check(password, hash).withArgon2();
        } catch (RuntimeException e) {
            return false;   // not an argon2 hash: no password matches it
        }
    }

    /** Why {@code password} cannot be used, if it cannot. */
    public static Optional<String> problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) return Optional.of("a password has at most " + MAX_LENGTH + " characters");
        if (password.isBlank()) return Optional.of("a password cannot be only spaces");
        return Optional.empty();
    }
}
