package dev.tocsin.config;

import java.util.Map;

/** What every value read during one parse shares: where problems go, where {@code ${NAME}} values come from, where elements were. */
record ParseContext(Problems problems, Map<String, String> env, Map<Object, String> elementPaths) {
    ParseContext(Problems problems, Map<String, String> env) {
        this(problems, env, new java.util.IdentityHashMap<>());
    }

    /**
     * Remembers where a list element (a target, a participant, a member) was written. Elements that fail to
     * parse are left out of the model, so later checks cannot count positions; they look the path up here.
     */
    <T> T located(T element, Value value) {
        if (element != null) elementPaths.put(element, value.path());
        return element;
    }
}
