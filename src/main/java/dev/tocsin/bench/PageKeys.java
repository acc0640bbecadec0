package dev.tocsin.bench;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dedup keys a page carries. The paging benchmark gives each alert a key {@code pb-<run>-<n>} and puts it in
 * the alert's summary, which every page repeats in its text; a bundled page (several incidents in one message)
 * carries several. Reading the key back from the provider request ties each page to the event that caused it.
 */
public final class PageKeys {
    private static final Pattern KEY = Pattern.compile("pb-[0-9a-z]+-[0-9]+");

    private PageKeys() {
    }

    public static String key(String run, long sequence) {
        return "pb-" + run + "-" + sequence;
    }

    /** Every distinct benchmark key in a provider request body (JSON, form-encoded or plain text), in order. */
    public static Set<String> in(String body) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher matcher = KEY.matcher(body);
        while (matcher.find()) keys.add(matcher.group());
        return keys;
    }
}
