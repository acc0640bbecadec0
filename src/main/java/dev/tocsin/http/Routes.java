package dev.tocsin.http;

import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;

/** A group of HTTP endpoints that belongs to one domain package (ingest, incidents, config, …). */
@FunctionalInterface
public interface Routes {
    void register(RoutesConfig routes);

    /** Server-wide settings a group needs beyond its routes (the web UI: its renderer and static files). */
    default void configure(JavalinConfig config) {
    }
}
