package dev.tocsin.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for what senders send. Event fields are kept exactly as sent, so a body must be valid UTF-8 (no
 * overlong forms, no stray bytes) and a JSON string must be real text (no unpaired {@code \ud800} escapes): anything
 * a decoder would have to replace or reinterpret could make two different dedup keys one.
 */
final class Utf8 {
    private Utf8() {
    }

    /** Null if the bytes are valid UTF-8, else where they stop being so. */
    static String problem(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            decoder.decode(buffer);
            return null;
        } catch (CharacterCodingException e) {
            return "invalid UTF-8 at byte " + buffer.position();
        }
    }

    /** The index of the first surrogate without its pair, or -1 if the text has none. */
    static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) return i;
        }
        return -1;
    }
}
