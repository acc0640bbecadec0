package dev.tocsin.calendar;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5545 section 3.1 line folding by octets: a content line longer than 75 octets of UTF-8 is split,
 * each continuation starting with CRLF and one space. ical4j folds by characters, which lets a line of
 * multi-byte names (Zoë, 山田) exceed 75 octets, so its unfolded output is folded here; a split never falls
 * inside a character.
 */
final class ContentLines {
    static final int MAX_OCTETS = 75;
    static final String CRLF = "\r\n";

    private ContentLines() {
    }

    /** Folds every line of {@code text} (lines end in CRLF or LF); the result's lines all end in CRLF. */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 32);
        for (String line : text.split("\r?\n", -1)) {
            if (line.isEmpty()) continue;
            foldLine(line, out);
        }
        return out.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        int index = 0;
        while (index < line.length()) {
            int codePoint = line.codePointAt(index);
            int width = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + width > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            index += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
