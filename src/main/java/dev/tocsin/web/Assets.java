package dev.tocsin.web;

import org.webjars.WebJarVersionLocator;

/** Where the pages find htmx, its SSE extension and Tocsin's stylesheet; WebJar versions are looked up once. */
public record Assets(String htmx, String htmxSse, String css) {
    static Assets locate() {
        WebJarVersionLocator locator = new WebJarVersionLocator();
        return new Assets(webjar(locator, "htmx.org", "dist/htmx.min.js"), webjar(locator, "htmx-ext-sse", "sse.js"),
                "/static/tocsin.css");
    }

    private static String webjar(WebJarVersionLocator locator, String webjar, String file) {
        String full = locator.fullPath(webjar, file);
        if (full == null) throw new IllegalStateException("the " + webjar + " WebJar is missing " + file);
        return "/" + full.substring(full.indexOf("webjars/"));
    }
}
