package dev.tocsin.notice;

import dev.tocsin.provider.Message;

/** Turns a stored notice into a message: the body as plain text, and the same text as simple HTML. */
final class NoticeMessages {
    private NoticeMessages() {
    }

    static Message of(Notice notice) {
        StringBuilder html = new StringBuilder("<html><body>");
        for (String paragraph : notice.body().split("\\n\\s*\\n")) {
            html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>\n")).append("</p>\n");
        }
        html.append("<p style=\"color:#888\">— Tocsin</p></body></html>");
        return new Message(notice.subject(), notice.body() + "\n\n— Tocsin\n", html.toString());
    }

    static String escape(String text) {
        return dev.tocsin.provider.Markup.escape(text);
    }
}
