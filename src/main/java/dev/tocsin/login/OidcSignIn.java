package dev.tocsin.login;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Single sign-on with an OpenID Connect provider: the authorization-code flow with PKCE, {@code state} and
 * {@code nonce} (carried by {@link OidcFlow}), and the ID token checked against the provider's published keys
 * (signature, issuer, audience, expiry, nonce). What it answers is a verified email address; who that is, and
 * whether they may sign in, is the caller's business. The provider's discovery document is fetched when first
 * needed and kept for {@link #DISCOVERY_LIFETIME}, or until the configured issuer or client changes. The
 * configuration is read on every sign-in, so a change applies without a restart.
 */
public final class OidcSignIn {
    /** Connect and read timeout of every request to the provider (discovery, keys, token). */
    public static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(5);
    /** How long a fetched discovery document is used before it is fetched again. */
    public static final Duration DISCOVERY_LIFETIME = Duration.ofHours(1);
    /** The largest key set Tocsin reads from a provider. */
    static final int MAX_KEYS_BYTES = 512 * 1024;
    /** Signature algorithms accepted for ID tokens, in order of preference: public-key ones only. */
    static final List<JWSAlgorithm> ACCEPTED_ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256,
            JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.PS384,
            JWSAlgorithm.PS512, JWSAlgorithm.EdDSA);

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    /** A sign-in that cannot go on; {@code message} is for the person signing in and names no secret. */
    public static final class Failure extends Exception {
        public Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** Where to send the browser, and the cookie that carries the sign-in until it comes back. */
    public record Started(URI authorizationUrl, OidcFlow flow) {
    }

    /** What the provider vouches for. */
    public record Verified(String email, String subject, String next) {
    }

    /** A provider's discovery document and the ID token validator built from it, for one issuer and client. */
    private record Discovered(OidcSettings settings, OIDCProviderMetadata metadata, IDTokenValidator validator, Instant fetched) {
        boolean serves(OidcSettings current, Instant now) {
            return settings.issuer().equals(current.issuer()) && settings.clientId().equals(current.clientId())
                    && fetched.plus(DISCOVERY_LIFETIME).isAfter(now);
        }
    }

    private final Supplier<Optional<OidcSettings>> settings;
    private final Clock clock;
    private final AtomicReference<Discovered> discovered = new AtomicReference<>();

    public OidcSignIn(Supplier<Optional<OidcSettings>> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The configured provider, if single sign-on is on. */
    public Optional<OidcSettings> settings() {
        return settings.get();
    }

    /** Begins a sign-in that returns to {@code redirectUri} and then goes to {@code next}. */
    public Started start(URI redirectUri, String next) throws Failure {
        OidcSettings current = configured();
        Discovered provider = discover(current);
        OidcFlow flow = OidcFlow.begin(clock.instant(), next);
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(current.scopes().toArray(String[]::new)), new ClientID(current.clientId()), redirectUri)
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(flow.state())
                .nonce(flow.nonce())
                .codeChallenge(flow.verifier(), CodeChallengeMethod.S256)
                .build();
        return new Started(request.toURI(), flow);
    }

    /**
     * Finishes the sign-in the provider sent back to {@code callback} (the redirect URI with its query), for the
     * browser whose sign-in cookie is {@code cookie}: checks {@code state}, exchanges the code and validates the ID
     * token. Answers the token's verified email.
     */
    public Verified finish(String cookie, URI redirectUri, String query) throws Failure {
        OidcSettings current = configured();
        OidcFlow flow = OidcFlow.read(cookie, clock.instant()).orElseThrow(() -> failure("no sign-in in progress",
                "This sign-in was not started from this browser, or it took longer than " + OidcFlow.LIFETIME.toMinutes()
                        + " minutes. Start again from the sign-in page."));
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(new URI(redirectUri + (query == null ? "" : "?" + query)));
        } catch (ParseException | URISyntaxException e) {
            throw failure("unreadable callback", "The provider's answer could not be read. Start again from the sign-in page.");
        }
        if (response.getState() == null || !response.getState().equals(flow.state())) {
            throw failure("state does not match", "This answer does not belong to the sign-in this browser started "
                    + "(its state does not match). Start again from the sign-in page.");
        }
        if (response instanceof AuthenticationErrorResponse error) {
            ErrorObject problem = error.getErrorObject();
            throw failure("provider error " + problem.getCode(), "The provider did not sign you in: " + describe(problem));
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) throw failure("no code", "The provider's answer has no authorization code. Start again from the sign-in page.");
        Discovered provider = discover(current);
        IDTokenClaimsSet claims = exchange(current, provider, code, redirectUri, flow);
        return new Verified(email(claims), claims.getSubject().getValue(), flow.next());
    }

    private OidcSettings configured() throws Failure {
        return settings.get().orElseThrow(() -> new Failure("Single sign-on is not configured on this Tocsin."));
    }

    private Discovered discover(OidcSettings current) throws Failure {
        Instant now = clock.instant();
        Discovered known = discovered.get();
        if (known != null && known.serves(current, now)) return known;
        int timeout = (int) ISSUER_TIMEOUT.toMillis();
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(current.issuer()), timeout, timeout);
        } catch (IOException e) {
            throw failure("discovery at " + current.issuer() + " failed: " + e,
                    "The sign-in provider (" + current.issuer() + ") cannot be reached. Try again later, or sign in with a password.");
        } catch (GeneralException e) {
            throw failure("discovery at " + current.issuer() + " is unusable: " + e.getMessage(),
                    "The sign-in provider (" + current.issuer() + ") does not publish a usable OpenID Connect configuration.");
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null || metadata.getJWKSetURI() == null) {
            throw failure("discovery at " + current.issuer() + " lacks an endpoint",
                    "The sign-in provider's configuration lacks its authorization, token or key endpoint.");
        }
        JWSAlgorithm algorithm = algorithm(metadata);
        IDTokenValidator validator;
        try {
            validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(current.clientId()), algorithm,
                    metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(timeout, timeout, MAX_KEYS_BYTES));
        } catch (IOException | IllegalArgumentException e) {
            throw failure("key set URL " + metadata.getJWKSetURI() + " is unusable", "The sign-in provider's key set URL is unusable.");
        }
        Discovered fresh = new Discovered(current, metadata, validator, now);
        discovered.set(fresh);
        return fresh;
    }

    private static JWSAlgorithm algorithm(OIDCProviderMetadata metadata) throws Failure {
        List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs() == null ? List.of() : metadata.getIDTokenJWSAlgs();
        for (JWSAlgorithm accepted : ACCEPTED_ALGORITHMS) if (offered.contains(accepted)) return accepted;
        throw failure("no accepted ID token algorithm in " + offered,
                "The sign-in provider signs ID tokens with " + offered + "; Tocsin accepts public-key signatures only (e.g. RS256).");
    }

    private IDTokenClaimsSet exchange(OidcSettings current, Discovered provider, AuthorizationCode code, URI redirectUri,
                                      OidcFlow flow) throws Failure {
        TokenRequest request = new TokenRequest(provider.metadata().getTokenEndpointURI(), clientAuthentication(current, provider.metadata()),
                new AuthorizationCodeGrant(code, redirectUri, flow.verifier()));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) ISSUER_TIMEOUT.toMillis());
        http.setReadTimeout((int) ISSUER_TIMEOUT.toMillis());
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw failure("token request to " + provider.metadata().getTokenEndpointURI() + " failed: " + e,
                    "The sign-in provider cannot be reached. Try again later, or sign in with a password.");
        } catch (ParseException e) {
            // The message of a parse failure may quote the response, which holds tokens: it is not logged.
            throw failure("unreadable token response", "The sign-in provider's token answer could not be read.");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject problem = response.toErrorResponse().getErrorObject();
            throw failure("token request refused: " + problem.getCode(), "The provider did not sign you in: " + describe(problem));
        }
        try {
            return provider.validator().validate(((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken(),
                    flow.nonce());
        } catch (BadJOSEException | JOSEException e) {
            throw failure("ID token rejected: " + e.getMessage(), "The sign-in provider's ID token is not valid for this Tocsin.");
        }
    }

    /** client_secret_basic unless the provider only takes client_secret_post. */
    private static ClientAuthentication clientAuthentication(OidcSettings current, OIDCProviderMetadata metadata) throws Failure {
        ClientID id = new ClientID(current.clientId());
        Secret secret = new Secret(current.clientSecret().value());
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        if (methods == null || methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)) return new ClientSecretBasic(id, secret);
        if (methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) return new ClientSecretPost(id, secret);
        throw failure("no client secret method in " + methods,
                "The sign-in provider takes neither client_secret_basic nor client_secret_post at its token endpoint.");
    }

    /**
     * The verified email. A token that says {@code email_verified: false} is refused; one without the claim is
     * accepted, because several providers (Microsoft Entra ID among them) leave it out and vouch for the address
     * by other means.
     */
    private static String email(IDTokenClaimsSet claims) throws Failure {
        Object email = claims.getClaim("email");
        if (!(email instanceof String address) || address.isBlank()) {
            throw failure("ID token without email", "The sign-in provider did not tell Tocsin your email address (the ID "
                    + "token has no 'email' claim; the 'email' scope asks for it).");
        }
        Object verified = claims.getClaim("email_verified");
        if (Boolean.FALSE.equals(verified) || "false".equals(verified)) {
            throw failure("email not verified", "The sign-in provider has not verified your email address " + address + ".");
        }
        return address.trim();
    }

    private static String describe(ErrorObject problem) {
        String code = problem.getCode() == null ? "unknown error" : problem.getCode();
        return problem.getDescription() == null ? code : code + " (" + problem.getDescription() + ")";
    }

    private static Failure failure(String logged, String shown) {
        log.warn("single sign-on failed: {}", logged);
        return new Failure(shown);
    }
}
