package dev.tocsin.provider;

/** Escaping text for HTML and XML bodies (email, TwiML, pages): the five predefined entities. */
public final class Markup {
    private Markup() {
    }

    /** {@code <}, {@code >}, {@code &}, {@code "} and {@code '} as entities; safe in text and in quoted attributes. */
    public static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
