package dev.tocsin.secret;

import java.util.Objects;

/**
 * A secret from the configuration (a provider password, a signing secret), together with the name of the
 * environment variable it came from. The value is what providers use; the name is what Tocsin prints and
 * exports, as {@code ${NAME}}, so the value itself never leaves the server. {@link #toString()} hides the
 * value so a secret that ends up in a log line or an exception message gives nothing away.
 *
 * @param value the resolved secret
 * @param name  the environment variable it came from, or a generated one when it was written literally
 */
public record Secret(String value, String name) {
    public static final String MASK = "***";

    public Secret {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(name, "name");
    }

    /** {@code ${NAME}}, the form in which a secret is exported. */
    public String placeholder() {
        return "${" + name + "}";
    }

    @Override
    public String toString() {
        return MASK;
    }
}
