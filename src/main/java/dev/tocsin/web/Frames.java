package dev.tocsin.web;

import dev.tocsin.config.Organisation;
import dev.tocsin.login.WebSession;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Builds each page's frame ({@link Page}) and the pages that say something went wrong. */
final class Frames {
    private final Assets assets;
    private final Supplier<Organisation> organisation;

    Frames(Assets assets, Supplier<Organisation> organisation) {
        this.assets = assets;
        this.organisation = organisation;
    }

    Page page(Context ctx, WebSession session, String title, String section) {
        return page(ctx, session, title, section, null);
    }

    Page page(Context ctx, WebSession session, String title, String section, String error) {
        if (session == null) return new Page(title, null, null, null, null, assets, section, Flash.take(ctx), error);
        String name = new Names(organisation.get(), session.userId()).name(session.userId());
        return new Page(title, name, session.userId(), session.role().wireName(), session.csrfToken(), assets, section,
                Flash.take(ctx), error);
    }

    Assets assets() {
        return assets;
    }

    void notFound(Context ctx, WebSession session, String message) {
        message(ctx, session, 404, "Not found", message);
    }

    void message(Context ctx, WebSession session, int status, String title, String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page(ctx, session, title, ""));
        model.put("message", message);
        ctx.status(status).render("message.jte", model);
    }
}
