package dev.tocsin.rules;

/**
 * The text a {@code matches} condition runs its regular expression on, with a budget of character reads: a
 * pattern that backtracks catastrophically ({@code (a+)+$}) on an unlucky alert gives up after
 * {@link #MAX_READS} reads and counts as no match, instead of holding the ingest path. Deterministic (it counts,
 * it reads no clock), so the rule tester and intake always agree.
 */
final class BoundedText implements CharSequence {
    /** Far above what any sane pattern needs on a 1,024-character summary; a runaway one stops within milliseconds. */
    static final int MAX_READS = 1_000_000;

    /** Thrown when the budget is spent. Carries no stack trace: it is control flow, not a bug. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("regular expression took too many steps", null, false, false);
        }
    }

    private final String text;
    private final int[] reads;

    BoundedText(String text) {
        this(text, new int[1]);
    }

    private BoundedText(String text, int[] reads) {
        this.text = text;
        this.reads = reads;
    }

    @Override
    public char charAt(int index) {
        if (++reads[0] > MAX_READS) throw new Exhausted();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.substring(start, end), reads);
    }

    @Override
    public String toString() {
        return text;
    }
}
