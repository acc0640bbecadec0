package dev.tocsin.rules;

/** Reads a decimal number from a field's text without throwing: most texts are not numbers, so this is the hot path. */
final class Numbers {
    private Numbers() {
    }

    /** The number, or NaN when the text is not a plain decimal number (no hex, no "NaN", no "Infinity"). */
    static double parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) return Double.NaN;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') digits++;
            else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') return Double.NaN;
        }
        if (digits == 0) return Double.NaN;
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
