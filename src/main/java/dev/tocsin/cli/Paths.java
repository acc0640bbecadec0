package dev.tocsin.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL pieces for the CLI: ids and query values encoded once, here. */
final class Paths {
    private Paths() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ?a=1&b=2} from name/value pairs, skipping null values; empty if all are null. */
    static String query(String... pairs) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] == null) continue;
            query.append(query.length() == 0 ? '?' : '&').append(pairs[i]).append('=').append(encode(pairs[i + 1]));
        }
        return query.toString();
    }
}
