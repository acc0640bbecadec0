package dev.tocsin.http;

import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.auth.TokenStore;
import dev.tocsin.trace.Channel;
import io.javalin.http.Context;

/** Checks {@code Authorization: Bearer <token>} and the caller's role on the server side, per request. */
public final class Auth {
    /** Header a client sets to say which channel it is: {@link Channel#HEADER}. */
    public static final String CHANNEL_HEADER = Channel.HEADER;

    private final TokenStore tokens;

    public Auth(TokenStore tokens) {
        this.tokens = tokens;
    }

    /** The caller, if its token is valid and its role includes {@code minimum}; otherwise 401 or 403. */
    public Principal require(Context ctx, Role minimum) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "unauthorized", "missing Authorization: Bearer <token> header");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "unauthorized", "Authorization header must be 'Bearer <token>'");
        }
        Principal principal = tokens.verify(header.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, "unauthorized", "token is not valid or was revoked"));
        if (!principal.role().includes(minimum)) {
            throw new ApiException(403, "forbidden",
                    "role '" + principal.role().wireName() + "' may not do this; it needs '" + minimum.wireName() + "'");
        }
        return principal;
    }

    /** The channel an authenticated API request came through: {@code api}, {@code cli} or {@code web}. */
    public static Channel channel(Context ctx) {
        Channel claimed = Channel.fromWireName(ctx.header(CHANNEL_HEADER)).orElse(Channel.API);
        return switch (claimed) {
            case CLI, WEB -> claimed;
            default -> Channel.API;
        };
    }
}
