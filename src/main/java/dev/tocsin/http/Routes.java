package dev.tocsin.http;

import io.javalin.config.RoutesConfig;

/** A group of HTTP endpoints that belongs to one domain package (ingest, incidents, config, …). */
@FunctionalInterface
public interface Routes {
    void register(RoutesConfig routes);
}
