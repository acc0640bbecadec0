package dev.tocsin.migrate;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tocsin ids made from source names: lower case, letters, digits, {@code . _ - @}, starting with a letter or
 * digit, at most 128 characters, unique within one kind ({@code -2}, {@code -3} … on a clash).
 */
public final class Ids {
    private final Set<String> taken = new HashSet<>();

    /** A fresh id for {@code name} (ids are unique per kind: one {@code Ids} per kind). */
    public String of(String name) {
        String base = slug(name);
        String id = base;
        for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
        return id;
    }

    public static String slug(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^[^a-z0-9]+", "").replaceAll("-+$", "");
        if (slug.isEmpty()) slug = "imported";
        return slug.length() > 120 ? slug.substring(0, 120) : slug;
    }
}
