package io.statstream.api.access;

import io.statstream.api.ApiError;
import io.statstream.api.ApiException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who may call which route. Each route names the role it needs ({@link #require}); a caller
 * shows an API key as {@code Authorization: Bearer <key>}. Open (every caller {@link Caller#ANONYMOUS})
 * only where nobody else can reach the port, or where an operator said so with {@code AUTH=off}.
 */
public final class AccessControl {
    public static final String AUTH_OFF = "off";
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    private static final String CALLER = "statstream.caller";
    private static final String BEARER = "bearer ";

    /** The API's own calls to itself (the scheduled refresh): a key made at start-up, never written anywhere. */
    private static final Caller ITSELF = new Caller("scheduled-refresh", Role.ADMIN, Optional.empty());

    private final Optional<ApiKeysSource> keys; // empty: open
    private final String ownKey;

    private AccessControl(Optional<ApiKeysSource> keys) {
        this.keys = keys;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.ownKey = HexFormat.of().formatHex(random);
    }

    /** The Authorization header of the API's calls to itself. */
    public String ownAuthorization() {
        return "Bearer " + ownKey;
    }

    /**
     * Keys when there are any; open on a loopback address with none; open anywhere with
     * {@code AUTH=off}, said loudly. Any other bind with no keys refuses to start.
     *
     * @throws IllegalArgumentException when the server would be open to a network by mistake
     */
    public static AccessControl configure(String host, String auth, ApiKeysSource source) {
        if (AUTH_OFF.equalsIgnoreCase(auth)) {
            LOG.warn("AUTH=off: anyone who reaches {} may submit, read and administer{}", host,
                    source.current().isEmpty() ? "" : " (the configured API keys are ignored)");
            return new AccessControl(Optional.empty());
        }
        if (!source.current().isEmpty()) {
            LOG.info("API keys required: {} key(s) configured", source.current().size());
            return new AccessControl(Optional.of(source));
        }
        if (isLoopback(host)) {
            LOG.info("No API keys: open to this machine only ({})", host);
            return new AccessControl(Optional.empty());
        }
        throw new IllegalArgumentException("HTTP_HOST=" + host + " is reachable from other machines and no API keys are "
                + "configured: set API_KEYS_FILE or API_KEYS, or AUTH=off to run open on purpose");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Keys are checked; false when the API is open. */
    public boolean keysRequired() {
        return keys.isPresent();
    }

    /** Reads the keys file again if it changed: called every few seconds. */
    public void reloadKeys() {
        keys.ifPresent(ApiKeysSource::reloadIfChanged);
    }

    /**
     * A route's first handler: lets the caller through with at least {@code role}, else 401 or 403.
     * A {@link PlatformHandler} because Vert.x runs those before the body is read, and a caller
     * with no right to a route must not get its upload buffered.
     */
    public PlatformHandler require(Role role) {
        return ctx -> {
            Optional<Caller> caller = identify(ctx);
            if (caller.isEmpty()) {
                return; // failed with 401
            }
            if (!caller.get().may(role)) {
                ctx.fail(new ApiException(ApiError.FORBIDDEN, "client \"" + caller.get().name() + "\" has the role "
                        + caller.get().role().label() + "; this needs " + role.label()));
                return;
            }
            ctx.put(CALLER, caller.get());
            ctx.next();
        };
    }

    private Optional<Caller> identify(RoutingContext ctx) {
        if (keys.isEmpty()) {
            return Optional.of(Caller.ANONYMOUS);
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"statstream\"");
            ctx.fail(new ApiException(ApiError.UNAUTHORIZED, "no API key: send Authorization: Bearer <key>"));
            return Optional.empty();
        }
        String presented = authorization.substring(BEARER.length()).strip();
        if (MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), ownKey.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(ITSELF);
        }
        Optional<Caller> caller = keys.get().current().find(presented);
        if (caller.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"statstream\", error=\"invalid_token\"");
            ctx.fail(new ApiException(ApiError.UNAUTHORIZED, "this API key is not (or no longer) valid"));
        }
        return caller;
    }

    /** Who called: set by {@link #require} on every route that needs a role. */
    public static Caller caller(RoutingContext ctx) {
        Caller caller = ctx.get(CALLER);
        return caller == null ? Caller.ANONYMOUS : caller;
    }
}
