package dev.tocsin.secret;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an action link's token (the link is the credential) and how to withhold it from stored and shown
 * texts. Kept apart from the links themselves so that paging, which stores the texts of pages, does not depend
 * on the module that mints and spends the links.
 */
public final class ActionTokens {
    /** Marks the token as Tocsin's, so secret scanners and people can tell what leaked. */
    public static final String PREFIX = "tact_";
    /** What a withheld link's token is replaced with in stored and shown texts. */
    public static final String WITHHELD = "(link withheld: it works only from the message its recipient got)";

    private static final Pattern ANYWHERE = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{20,}");

    private ActionTokens() {
    }

    /**
     * The text with every action-link token replaced by {@link #WITHHELD}: what Tocsin stores of a page it sent and
     * shows through the API, so that nobody but the recipient (not an observer, not a database reader) holds a live
     * link. The links themselves are stored only as hashes.
     */
    public static String redact(String text) {
        if (text == null || !text.contains(PREFIX)) return text;
        return ANYWHERE.matcher(text).replaceAll(Matcher.quoteReplacement(WITHHELD));
    }
}
