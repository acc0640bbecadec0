package dev.tocsin.config;

import dev.tocsin.secret.Secret;

import java.util.Map;

/** How a secret is written out: as its {@code ${NAME}} placeholder (export, storage) or masked (API reads). */
@FunctionalInterface
interface SecretStyle {
    SecretStyle PLACEHOLDER = Secret::placeholder;
    SecretStyle MASKED = secret -> Secret.MASK;

    String render(Secret secret);

    /** Writes placeholders and remembers each secret's value by name, for storage. */
    static SecretStyle collecting(Map<String, String> valuesByName) {
        return secret -> {
            valuesByName.put(secret.name(), secret.value());
            return secret.placeholder();
        };
    }
}
