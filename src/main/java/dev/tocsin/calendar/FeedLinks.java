package dev.tocsin.calendar;

import dev.tocsin.auth.Principal;
import dev.tocsin.auth.Role;
import dev.tocsin.config.Organisation;
import dev.tocsin.refusal.Refusal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The links of calendar feeds and who may have them, for every channel (the API, the web pages): people see and
 * renew their own feed's link, admins anyone's; anyone may see a schedule's, only admins renew it, because a new
 * link breaks everyone's subscription. A link's token is stored hashed ({@link FeedTokens}), so a link with its
 * token exists only in the answer that issues it.
 */
public final class FeedLinks {
    /**
     * A feed's link: {@code address} without the token, {@code url} with it (null unless just issued).
     */
    public record Link(String address, String url, Instant issuedAt) {
        public boolean tokenShown() {
            return url != null;
        }

        /** The same link for calendar apps that subscribe to {@code webcal:} links; null without the token. */
        public String webcal() {
            return url == null ? null : url.replaceFirst("^https?://", "webcal://");
        }
    }

    private final FeedTokens tokens;
    private final Supplier<Organisation> organisation;
    private final Supplier<String> publicUrl;

    public FeedLinks(FeedTokens tokens, Supplier<Organisation> organisation, Supplier<String> publicUrl) {
        this.tokens = tokens;
        this.organisation = organisation;
        this.publicUrl = publicUrl;
    }

    /** When the feed's live link was issued, if it has one; nothing is issued. */
    public Optional<Instant> issuedAt(Principal caller, FeedKind kind, String subjectId) {
        maySee(caller, kind, subjectId);
        return tokens.issuedAt(kind, subjectId);
    }

    /** The feed's link: issued (with its token) if the feed has none yet, else its address alone. */
    public Link show(Principal caller, FeedKind kind, String subjectId) {
        maySee(caller, kind, subjectId);
        Optional<Instant> issued = tokens.issuedAt(kind, subjectId);
        if (issued.isEmpty()) return issue(caller, kind, subjectId);
        return new Link(address(kind, subjectId), null, issued.get());
    }

    /** A new link (with its token); the old one stops working at once. */
    public Link rotate(Principal caller, FeedKind kind, String subjectId) {
        maySee(caller, kind, subjectId);
        if (!mayRotate(caller, kind)) {
            throw Refusal.forbidden("only an admin may renew a schedule's calendar link: it breaks everyone's subscription");
        }
        return issue(caller, kind, subjectId);
    }

    /** Whether the caller may renew a feed's link they may see (a page shows its button only then). */
    public boolean mayRotate(Principal caller, FeedKind kind) {
        return kind == FeedKind.USER || caller.role().includes(Role.ADMIN);
    }

    private Link issue(Principal caller, FeedKind kind, String subjectId) {
        String secret = tokens.issue(kind, subjectId, caller.actor());
        String address = address(kind, subjectId);
        return new Link(address, address + "?token=" + secret, tokens.issuedAt(kind, subjectId).orElse(null));
    }

    private void maySee(Principal caller, FeedKind kind, String subjectId) {
        Organisation current = organisation.get();
        if (kind == FeedKind.USER) {
            if (!caller.userId().equals(subjectId) && !caller.role().includes(Role.ADMIN)) {
                throw Refusal.forbidden("only an admin may see or rotate another person's calendar feed");
            }
            if (!current.hasUser(subjectId)) throw Refusal.notFound("user '" + subjectId + "'");
        } else if (current.schedule(subjectId).isEmpty()) {
            throw Refusal.notFound("schedule '" + subjectId + "'");
        }
    }

    /** The feed's URL without its token. */
    public String address(FeedKind kind, String subjectId) {
        return publicUrl.get() + "/calendar/" + kind.pathSegment() + "/"
                + URLEncoder.encode(subjectId, StandardCharsets.UTF_8).replace("+", "%20") + ".ics";
    }
}
