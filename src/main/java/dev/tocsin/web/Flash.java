package dev.tocsin.web;

import io.javalin.http.Context;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The sentence an action leaves for the page shown after it (post, redirect, get): a cookie read once. */
final class Flash {
    private static final String COOKIE = "tocsin_flash";
    private static final int MAX_LENGTH = 500;

    private Flash() {
    }

    static void leave(Context ctx, String sentence) {
        String text = sentence.length() > MAX_LENGTH ? sentence.substring(0, MAX_LENGTH - 1) + "…" : sentence;
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
    }

    /** The sentence left for this page, if any; it is then gone. */
    static String take(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.isEmpty()) return null;
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
