package io.statstream.api;

import io.statstream.api.access.AccessControl;
import io.statstream.runtime.SharedSettings;
import io.statstream.store.HotKeys;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.Map;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.Range.between;

/**
 * The API's settings, read from environment variables of the same names. Long because it is the
 * list: each setting's name, default, validator and documentation, declared once, here.
 */
public final class ApiSettings extends AbstractConfig {
    public static final String HTTP_PORT = "HTTP_PORT";
    public static final int DEFAULT_HTTP_PORT = 8080;

    public static final String HTTP_HOST = "HTTP_HOST";
    /** Every interface, as a container needs; the one-command local mode binds 127.0.0.1. */
    public static final String DEFAULT_HTTP_HOST = "0.0.0.0";

    public static final String HTTP_IDLE_TIMEOUT_SECONDS = "HTTP_IDLE_TIMEOUT_SECONDS";
    /** A connection that sends nothing for this long is closed: idle clients cannot hold sockets for ever. */
    public static final int DEFAULT_HTTP_IDLE_TIMEOUT_SECONDS = 60;

    public static final String HTTP_MAX_HEADER_BYTES = "HTTP_MAX_HEADER_BYTES";
    /** All of a request's headers together; a bearer key and the usual headers take well under 1 KiB. */
    public static final int DEFAULT_HTTP_MAX_HEADER_BYTES = 8 * 1024;

    public static final String HTTP_MAX_URL_BYTES = "HTTP_MAX_URL_BYTES";
    /** The request line: a route, a 64-hex key and a few query parameters fit many times over. */
    public static final int DEFAULT_HTTP_MAX_URL_BYTES = 4 * 1024;

    public static final String HTTP_BODY_BUDGET_BYTES = "HTTP_BODY_BUDGET_BYTES";

    public static final String HTTP_MAX_CONNECTIONS = "HTTP_MAX_CONNECTIONS";
    /** Open connections at most; each costs a few KiB of buffers, so ten thousand stay well inside a small heap. */
    public static final int DEFAULT_HTTP_MAX_CONNECTIONS = 10_000;

    public static final String HTTP_TLS_CERT_FILE = "HTTP_TLS_CERT_FILE";
    public static final String HTTP_TLS_KEY_FILE = "HTTP_TLS_KEY_FILE";

    public static final String HTTP_MAX_BODY_BYTES = "HTTP_MAX_BODY_BYTES";
    /** Room for the largest request the value cap allows, written out as JSON. */
    public static final long DEFAULT_HTTP_MAX_BODY_BYTES = 32L * 1024 * 1024;

    public static final String API_KEYS_FILE = "API_KEYS_FILE";
    public static final String API_KEYS = "API_KEYS";
    public static final String AUTH = "AUTH";
    /** Keys required wherever any are configured, and wherever the API is reachable from other machines. */
    public static final String DEFAULT_AUTH = "keys";

    public static final String SUBMISSIONS_PER_SECOND = "SUBMISSIONS_PER_SECOND";
    /** A client's share, in misses per second, where its key names none; a hit costs a tenth of a miss. */
    public static final long DEFAULT_SUBMISSIONS_PER_SECOND = 2_000;
    public static final String SUBMISSION_BURST_SECONDS = "SUBMISSION_BURST_SECONDS";
    /** Seconds of a client's rate it may spend at once: at the default rate, a 100,000-item batch goes through whole. */
    public static final int DEFAULT_SUBMISSION_BURST_SECONDS = 60;

    public static final String MAX_WAITING_KEYS = "MAX_WAITING_KEYS";
    /** Keys parked by ?wait requests in all (a lookup parks each key it waits for): ~200 bytes each. */
    public static final int DEFAULT_MAX_WAITING_KEYS = 200_000;
    public static final String MAX_WAITING_KEYS_PER_CLIENT = "MAX_WAITING_KEYS_PER_CLIENT";
    /** Two full lookups' worth of waiting keys per client. */
    public static final int DEFAULT_MAX_WAITING_KEYS_PER_CLIENT = 20_000;

    public static final String BATCH_MAX_BODY_BYTES = "BATCH_MAX_BODY_BYTES";
    /** A full batch of 100,000 requests of ~2 KiB each; read as it streams in, never held whole. */
    public static final long DEFAULT_BATCH_MAX_BODY_BYTES = 256L * 1024 * 1024;

    public static final String LOOKUP_MAX_REPLY_BYTES = "LOOKUP_MAX_REPLY_BYTES";
    public static final long DEFAULT_LOOKUP_MAX_REPLY_BYTES = 32L * 1024 * 1024;

    public static final String MAX_UNFINISHED_PER_CLIENT = "MAX_UNFINISHED_PER_CLIENT";
    /** Two full batches a client may have accepted and not yet finished. */
    public static final int DEFAULT_MAX_UNFINISHED_PER_CLIENT = 200_000;

    public static final String PUBLISH_TIMEOUT_SECONDS = "PUBLISH_TIMEOUT_SECONDS";
    /**
     * Outlasts a broker's failover: with Kafka's defaults a broker killed with {@code kill -9} is
     * fenced after 9 s, later still when it was the active controller, and writes wait meanwhile.
     */
    public static final int DEFAULT_PUBLISH_TIMEOUT_SECONDS = 30;

    public static final String NEAR_CACHE_ENTRIES = "NEAR_CACHE_ENTRIES";
    /** Results kept in the API's memory in front of Redis (0: none); ~1 KB each. */
    public static final long DEFAULT_NEAR_CACHE_ENTRIES = 50_000;

    public static final String WARM_REFRESH_INTERVAL_SECONDS = "WARM_REFRESH_INTERVAL_SECONDS";
    public static final String WARM_REFRESH_TOP = "WARM_REFRESH_TOP";
    public static final int DEFAULT_WARM_REFRESH_TOP = 1000;
    public static final String WARM_REFRESH_HOURS = "WARM_REFRESH_HOURS";
    public static final int DEFAULT_WARM_REFRESH_HOURS = 24;

    public static final String WARM_MIN_REMAINING_SECONDS = "WARM_MIN_REMAINING_SECONDS";
    /** A result with less time than this left is recomputed by a warming replay. */
    public static final long DEFAULT_WARM_MIN_REMAINING_SECONDS = 600;

    public static final ConfigDef DEFINITION = SharedSettings.define(new ConfigDef())
            .define(HTTP_PORT, Type.INT, DEFAULT_HTTP_PORT, between(0, 65535), Importance.HIGH,
                    "Port the HTTP API listens on (0: any free port).")
            .define(HTTP_HOST, Type.STRING, DEFAULT_HTTP_HOST, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Address the HTTP API listens on: 0.0.0.0 for every interface, 127.0.0.1 for this machine only.")
            .define(HTTP_IDLE_TIMEOUT_SECONDS, Type.INT, DEFAULT_HTTP_IDLE_TIMEOUT_SECONDS, atLeast(1), Importance.LOW,
                    "A connection idle for this many seconds is closed (a ?wait= holds it for at most 30 s, which counts as busy).")
            .define(HTTP_MAX_HEADER_BYTES, Type.INT, DEFAULT_HTTP_MAX_HEADER_BYTES, atLeast(1024), Importance.LOW,
                    "Bytes of a request's headers together at most; more is answered 431 and the connection closed.")
            .define(HTTP_MAX_URL_BYTES, Type.INT, DEFAULT_HTTP_MAX_URL_BYTES, atLeast(256), Importance.LOW,
                    "Bytes of a request line at most; a longer one is answered 414 and the connection closed.")
            .define(HTTP_BODY_BUDGET_BYTES, Type.LONG, 0L, atLeast(0), Importance.LOW,
                    "Bytes of request bodies held in memory at once, across requests (0: a quarter of the heap); past it, 503.")
            .define(HTTP_MAX_CONNECTIONS, Type.INT, DEFAULT_HTTP_MAX_CONNECTIONS, atLeast(1), Importance.LOW,
                    "Open connections at most; one more is closed as soon as it is made.")
            .define(HTTP_TLS_CERT_FILE, Type.STRING, "", Importance.HIGH,
                    "PEM certificate (chain) the API serves HTTPS with; with HTTP_TLS_KEY_FILE. Empty: plain HTTP.")
            .define(HTTP_TLS_KEY_FILE, Type.STRING, "", Importance.HIGH,
                    "PEM private key of HTTP_TLS_CERT_FILE.")
            .define(HTTP_MAX_BODY_BYTES, Type.LONG, DEFAULT_HTTP_MAX_BODY_BYTES, atLeast(1024), Importance.MEDIUM,
                    "Largest request body accepted; larger bodies get 413.")
            .define(API_KEYS_FILE, Type.STRING, "", Importance.HIGH,
                    "File of API keys, one per line: <sha256 of the key, hex> <client name> <read|submit|admin> [submissions per second]; read again when it changes.")
            .define(API_KEYS, Type.PASSWORD, "", Importance.HIGH,
                    "API keys as in API_KEYS_FILE, entries separated by ';' (both may be set).")
            .define(AUTH, Type.STRING, DEFAULT_AUTH, ConfigDef.ValidString.in(DEFAULT_AUTH, AccessControl.AUTH_OFF), Importance.HIGH,
                    "keys: an API key on every route but /health/live (open without keys only on a loopback HTTP_HOST); off: open to anyone, on purpose.")
            .define(SUBMISSIONS_PER_SECOND, Type.LONG, DEFAULT_SUBMISSIONS_PER_SECOND, atLeast(1), Importance.MEDIUM,
                    "Each client's share of submissions where its key names none, in misses (computations) per second; a cache hit costs a tenth. Shared by every API instance through Redis.")
            .define(SUBMISSION_BURST_SECONDS, Type.INT, DEFAULT_SUBMISSION_BURST_SECONDS, atLeast(1), Importance.LOW,
                    "How many seconds of its rate a client may spend at once.")
            .define(MAX_WAITING_KEYS, Type.INT, DEFAULT_MAX_WAITING_KEYS, atLeast(1), Importance.LOW,
                    "Keys ?wait requests may hold parked at once, in all; beyond, a wait is answered 503.")
            .define(MAX_WAITING_KEYS_PER_CLIENT, Type.INT, DEFAULT_MAX_WAITING_KEYS_PER_CLIENT, atLeast(1), Importance.LOW,
                    "Keys one client's ?wait requests may hold parked at once; beyond, 429.")
            .define(BATCH_MAX_BODY_BYTES, Type.LONG, DEFAULT_BATCH_MAX_BODY_BYTES, atLeast(1024), Importance.MEDIUM,
                    "Largest batch or warm body; larger ones get 413 (at once when Content-Length says so).")
            .define(LOOKUP_MAX_REPLY_BYTES, Type.LONG, DEFAULT_LOOKUP_MAX_REPLY_BYTES, atLeast(1024), Importance.LOW,
                    "Results one lookup reply holds at most; keys past it answer done with \"omitted\": true.")
            .define(MAX_UNFINISHED_PER_CLIENT, Type.INT, DEFAULT_MAX_UNFINISHED_PER_CLIENT, atLeast(1), Importance.MEDIUM,
                    "Analyses one client may have accepted and not yet finished; beyond, 429 until some are done (keys required).")
            .define(PUBLISH_TIMEOUT_SECONDS, Type.INT, DEFAULT_PUBLISH_TIMEOUT_SECONDS, atLeast(3), Importance.MEDIUM,
                    "How long a submission waits for the broker's acknowledgement before it is answered 503 (or an item \"failed\"), retries included.")
            .define(NEAR_CACHE_ENTRIES, Type.LONG, DEFAULT_NEAR_CACHE_ENTRIES, atLeast(0), Importance.LOW,
                    "Results the API keeps in memory in front of the store, for a minute each (0: none).")
            .define(WARM_REFRESH_INTERVAL_SECONDS, Type.LONG, 0L, atLeast(0), Importance.LOW,
                    "Every this many seconds, replay the most requested inputs (0, the default: never).")
            .define(WARM_REFRESH_TOP, Type.INT, DEFAULT_WARM_REFRESH_TOP, between(1, HotKeys.MAX_TOP), Importance.LOW,
                    "How many of the most requested inputs a scheduled refresh replays.")
            .define(WARM_REFRESH_HOURS, Type.INT, DEFAULT_WARM_REFRESH_HOURS, between(1, TopQuery.MAX_HOURS), Importance.LOW,
                    "Over how many hours of requests a scheduled refresh counts.")
            .define(WARM_MIN_REMAINING_SECONDS, Type.LONG, DEFAULT_WARM_MIN_REMAINING_SECONDS, atLeast(0), Importance.LOW,
                    "A warming replay skips results kept for at least this much longer, and recomputes the rest.");

    public ApiSettings(Map<String, ?> values) {
        super(DEFINITION, values, false);
        if (getString(HTTP_TLS_CERT_FILE).isBlank() != getString(HTTP_TLS_KEY_FILE).isBlank()) {
            throw new ConfigException("HTTP_TLS_CERT_FILE and HTTP_TLS_KEY_FILE go together: set both for HTTPS, or neither");
        }
    }

    /** Whether the API serves HTTPS. */
    public boolean tls() {
        return !getString(HTTP_TLS_CERT_FILE).isBlank();
    }
}
