package dev.tocsin.config;

import java.util.Map;

/** What every value read during one parse shares: where problems go and where {@code ${NAME}} values come from. */
record ParseContext(Problems problems, Map<String, String> env) {
}
