package dev.tocsin.actionlink;

import java.util.Map;

/**
 * What an action link answers, in the form the client asked for: a small self-contained HTML page for a
 * browser ({@code Accept: text/html}), JSON for {@code Accept: application/json}, and one line of plain text
 * for anything else (ntfy's {@code http} actions, curl): the heading on one line, the message on the next.
 *
 * @param heading the page's title and heading
 * @param message one or two sentences under it
 * @param button  the label of a button that POSTs back to the same address, or null for none
 * @param json    the body for JSON clients
 */
record ActionReply(int status, String heading, String message, String button, Map<String, Object> json) {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;"
            + "padding:0 1rem;color:#222}button{font-size:1.1rem;padding:.6rem 1.4rem;border:0;border-radius:.3rem;"
            + "background:#b3261e;color:#fff;cursor:pointer}.small{color:#666;font-size:.9rem}";

    String html() {
        StringBuilder page = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(escape(heading)).append(" - Tocsin</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head><body>\n")
                .append("<h1>").append(escape(heading)).append("</h1>\n");
        if (message != null && !message.isEmpty()) page.append("<p>").append(escape(message)).append("</p>\n");
        if (button != null) {
            // No action attribute: the form posts back to the address it was loaded from, proxies and all.
            page.append("<form method=\"post\"><button type=\"submit\">").append(escape(button))
                    .append("</button></form>\n");
        }
        return page.append("<p class=\"small\">Tocsin</p>\n</body></html>\n").toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
