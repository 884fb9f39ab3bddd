package io.statstream.api;

import io.statstream.api.access.AccessControl;
import io.statstream.api.access.ApiKeysSource;
import io.statstream.api.access.ClientShares;
import io.statstream.api.access.SubmissionQuotas;
import io.statstream.api.access.UnfinishedWork;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statstream.runtime.KafkaClients;
import io.statstream.runtime.Metrics;
import io.statstream.runtime.SharedSettings;
import io.statstream.runtime.StoreSettings;
import io.statstream.store.RedisEndpoint;
import io.statstream.store.NearCachedResults;
import io.statstream.store.ResultStore;
import io.statstream.store.Results;
import io.statstream.store.ResultStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API: its Vert.x instance, producer and admin client, started together and closed
 * together. Long because it is the wiring: each setting read once and handed to the part it shapes.
 */
public final class ApiServer implements AutoCloseable {
    /** The contract this API answers by: OpenAPI 3.1 in YAML, a class-path resource, served as /openapi.json. */
    public static final String CONTRACT = "io/statstream/api/openapi.yaml";
    private static final Duration KEYS_RELOAD_EVERY = Duration.ofSeconds(2);
    private final Vertx vertx;
    private final RequestPublisher publisher;
    private final Admin admin;
    private final HttpServer server;
    private final ResultWaiters waiters;
    private final ClientShares shares;
    private final boolean tls;
    private final List<String> routes;
    private final long keysReload; // the timer, cancelled before Vert.x closes its worker threads
    private HotKeyRefresher refresher; // only when WARM_REFRESH_INTERVAL_SECONDS > 0

    private ApiServer(Vertx vertx, RequestPublisher publisher, Admin admin, HttpServer server, ResultWaiters waiters,
                      ClientShares shares, boolean tls, List<String> routes, long keysReload) {
        this.vertx = vertx;
        this.keysReload = keysReload;
        this.routes = routes;
        this.tls = tls;
        this.shares = shares;
        this.waiters = waiters;
        this.publisher = publisher;
        this.admin = admin;
        this.server = server;
    }

    /** Starts listening; returns once the port is bound. The store stays the caller's to close. */
    public static ApiServer start(ApiSettings settings, ResultStore store, PrometheusMeterRegistry registry) throws Exception {
        AccessControl access = accessControl(settings); // first: a server that must not start opens nothing
        long nearCacheEntries = settings.getLong(ApiSettings.NEAR_CACHE_ENTRIES);
        // Results are immutable per key, so reads may be served from memory without asking Redis.
        Results results = nearCacheEntries == 0 ? store
                : new NearCachedResults(store, nearCacheEntries, NearCachedResults.DEFAULT_KEEP);
        Map<String, Object> kafka = KafkaClients.config(settings);
        Vertx vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(HttpServerMeters.options()))
                .withMetrics(new MicrometerMetricsFactory(registry)).build();
        RequestPublisher publisher = new RequestPublisher(kafka,
                Duration.ofSeconds(settings.getInt(ApiSettings.PUBLISH_TIMEOUT_SECONDS)), registry);
        ApiMetrics metrics = new ApiMetrics(registry);
        Admin admin = Admin.create(KafkaClients.config(kafka, Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "statstream-ingest-api-health")));
        RequestParser parser = new RequestParser(new RequestLimits(settings.getInt(SharedSettings.MAX_VALUES_PER_REQUEST)));
        ResultWaiters waiters = new ResultWaiters(vertx, store, settings.getInt(ApiSettings.MAX_WAITING_KEYS),
                settings.getInt(ApiSettings.MAX_WAITING_KEYS_PER_CLIENT), registry);
        long maxBodyBytes = settings.getLong(ApiSettings.HTTP_MAX_BODY_BYTES);
        int maxItemBytes = (int) Math.min(Integer.MAX_VALUE, maxBodyBytes);
        long maxBatchBytes = settings.getLong(ApiSettings.BATCH_MAX_BODY_BYTES);
        Duration warmMargin = Duration.ofSeconds(settings.getLong(ApiSettings.WARM_MIN_REMAINING_SECONDS));
        long keysReload = vertx.setPeriodic(KEYS_RELOAD_EVERY.toMillis(), id -> vertx.executeBlocking(() -> {
            access.reloadKeys(); // reads a file: not on an event loop
            return null;
        }));
        ClientShares shares = shares(settings, access);
        long budget = settings.getLong(ApiSettings.HTTP_BODY_BUDGET_BYTES);
        BodyBudget bodyBudget = new BodyBudget(budget == 0 ? BodyBudget.defaultBudget() : budget, maxBodyBytes, registry);
        // A batch says "done" without the result: it must ask the store itself, not a near cache
        // that may outlive the result there.
        BatchRun.Services batchServices = new BatchRun.Services(parser, store, store, publisher);
        BatchBody batchBody = new BatchBody(maxItemBytes, maxBatchBytes);
        Router router = ApiRoutes.mount(Router.router(vertx), access, maxBodyBytes, bodyBudget,
                new SubmitHandler(parser, results, store, store.hotKeys(), publisher, shares.quotas(), shares.unfinished(), metrics),
                new BatchSubmitHandler(batchServices, new BatchPolicy.Submission(store.hotKeys(), shares.quotas(), shares.unfinished(), metrics), batchBody),
                new WarmHandler(batchServices, new BatchPolicy.Warming(warmMargin), batchBody, store.hotKeys()),
                new LookupHandler(results, waiters, settings.getLong(ApiSettings.LOOKUP_MAX_REPLY_BYTES)),
                new ResultHandler(results, waiters),
                new HotInputsHandler(store.hotKeys()),
                new DeadLetterReplay(kafka, publisher),
                new HealthHandler(admin, store),
                ctx -> ctx.response().putHeader("Content-Type", Metrics.CONTENT_TYPE).end(registry.scrape()));
        try {
            // HTTP/1.1 only: with h2c on, Vert.x makes a connection known (to the cap) only once its
            // first bytes tell the protocol, so idle sockets would escape the cap.
            HttpServerOptions options = new HttpServerOptions().setTcpNoDelay(true).setHttp2ClearTextEnabled(false)
                    .setIdleTimeout(settings.getInt(ApiSettings.HTTP_IDLE_TIMEOUT_SECONDS)).setIdleTimeoutUnit(TimeUnit.SECONDS)
                    .setMaxHeaderSize(settings.getInt(ApiSettings.HTTP_MAX_HEADER_BYTES))
                    .setMaxInitialLineLength(settings.getInt(ApiSettings.HTTP_MAX_URL_BYTES));
            if (settings.tls()) {
                options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                        .setCertPath(settings.getString(ApiSettings.HTTP_TLS_CERT_FILE))
                        .setKeyPath(settings.getString(ApiSettings.HTTP_TLS_KEY_FILE)));
            }
            HttpServer server = vertx.createHttpServer(options)
                    .connectionHandler(new ConnectionCap(settings.getInt(ApiSettings.HTTP_MAX_CONNECTIONS), registry))
                    .requestHandler(router)
                    .listen(settings.getInt(ApiSettings.HTTP_PORT), settings.getString(ApiSettings.HTTP_HOST))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            ApiServer api = new ApiServer(vertx, publisher, admin, server, waiters, shares, settings.tls(), routes(router), keysReload);
            long refreshEvery = settings.getLong(ApiSettings.WARM_REFRESH_INTERVAL_SECONDS);
            if (refreshEvery > 0) {
                api.refresher = new HotKeyRefresher(vertx, server.actualPort(), settings.tls(), access.ownAuthorization(), Duration.ofSeconds(refreshEvery),
                        settings.getInt(ApiSettings.WARM_REFRESH_TOP), settings.getInt(ApiSettings.WARM_REFRESH_HOURS));
            }
            return api;
        } catch (Exception e) {
            vertx.cancelTimer(keysReload);
            waiters.close();
            publisher.close();
            shares.close();
            admin.close();
            vertx.close();
            throw e;
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** Every operation it serves, as {@code "GET /v1/analyses/{key}"} (OpenAPI's spelling), static assets aside. */
    public List<String> routes() {
        return routes;
    }

    private static List<String> routes(Router router) {
        return router.getRoutes().stream()
                .filter(route -> route.getPath() != null && route.methods() != null && !route.getPath().startsWith(WebPages.ASSETS))
                .flatMap(route -> route.methods().stream()
                        .map(method -> method.name() + " " + route.getPath().replaceAll(":([a-z]+)", "{$1}")))
                .distinct().sorted().toList();
    }

    /** Whether it serves HTTPS. */
    public boolean tls() {
        return tls;
    }

    /**
     * Shares only where callers are told apart by their keys; in Redis when there is one, through
     * one client for both, so every instance draws on them.
     */
    private static ClientShares shares(ApiSettings settings, AccessControl access) {
        if (!access.keysRequired()) {
            return ClientShares.none();
        }
        long perSecond = settings.getLong(ApiSettings.SUBMISSIONS_PER_SECOND);
        int burst = settings.getInt(ApiSettings.SUBMISSION_BURST_SECONDS);
        int maxUnfinished = settings.getInt(ApiSettings.MAX_UNFINISHED_PER_CLIENT);
        // As long as a pending mark lives: a key older than that is no longer waited on.
        Duration keptFor = ResultStoreOptions.DEFAULT_PENDING_TTL;
        String redisUrl = settings.getString(SharedSettings.REDIS_URL);
        if (redisUrl.isBlank()) {
            return new ClientShares(SubmissionQuotas.local(perSecond, burst), UnfinishedWork.local(maxUnfinished, keptFor),
                    Optional.empty());
        }
        RedisEndpoint.Client redis = new RedisEndpoint(redisUrl, StoreSettings.of(settings).redisTlsCa()).client();
        String prefix = settings.getString(SharedSettings.REDIS_KEY_PREFIX);
        try {
            return new ClientShares(SubmissionQuotas.shared(redis, prefix, perSecond, burst),
                    UnfinishedWork.shared(redis, prefix, maxUnfinished, keptFor), Optional.of(redis));
        } catch (RuntimeException e) {
            redis.close(); // and the connections made on it
            throw e;
        }
    }

    private static AccessControl accessControl(ApiSettings settings) {
        String file = settings.getString(ApiSettings.API_KEYS_FILE);
        ApiKeysSource keys = ApiKeysSource.of(settings.getPassword(ApiSettings.API_KEYS).value(),
                file.isBlank() ? Optional.empty() : Optional.of(Path.of(file)));
        return AccessControl.configure(settings.getString(ApiSettings.HTTP_HOST), settings.getString(ApiSettings.AUTH), keys);
    }

    @Override
    public void close() {
        vertx.cancelTimer(keysReload);
        if (refresher != null) {
            refresher.close();
        }
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        try {
            waiters.close();
        } catch (Exception e) {
            // closing anyway
        }
        publisher.close();
        shares.close();
        admin.close();
        vertx.close();
    }
}
