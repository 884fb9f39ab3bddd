package io.statstream.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.statstream.model.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import org.webjars.WebJarVersionLocator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * What a person opens in a browser, none of it behind a key: the contract ({@code /openapi.json},
 * written in {@link ApiServer#CONTRACT}), its reference page ({@code /docs}, Swagger UI)
 * and the operators' {@code /console}. Every asset comes from a jar on the class path (webjars and
 * this module's {@code web/}), so the pages work on a machine with no network.
 */
final class WebPages {
    /** Static files, not operations: the one prefix the contract leaves out. */
    static final String ASSETS = "/assets/";
    private static final String WEB = "io/statstream/api/web/";

    private WebPages() {
    }

    static void mount(Router router) {
        Buffer contract = Buffer.buffer(Json.write(contract()));
        router.get("/openapi.json").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json").end(contract));
        Buffer docs = page("docs.html");
        router.get("/docs").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(docs));
        Buffer console = page("console.html");
        router.get("/console").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(console));

        WebJarVersionLocator webjars = new WebJarVersionLocator();
        router.get(ASSETS + "swagger-ui/*").handler(StaticHandler.create(webjar(webjars, "swagger-ui", "")));
        router.get(ASSETS + "uplot/*").handler(StaticHandler.create(webjar(webjars, "uplot", "/dist")));
        router.get(ASSETS + "console/*").handler(StaticHandler.create(WEB + "console"));
    }

    private static JsonNode contract() {
        try (InputStream yaml = WebPages.class.getClassLoader().getResourceAsStream(ApiServer.CONTRACT)) {
            if (yaml == null) {
                throw new IllegalStateException(ApiServer.CONTRACT + " is missing from the class path");
            }
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(ApiServer.CONTRACT + " is not YAML", e);
        }
    }

    private static Buffer page(String name) {
        try (InputStream html = WebPages.class.getClassLoader().getResourceAsStream(WEB + name)) {
            if (html == null) {
                throw new IllegalStateException(WEB + name + " is missing from the class path");
            }
            return Buffer.buffer(html.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A webjar's directory, by the version on the class path: no version is spelled twice. */
    private static String webjar(WebJarVersionLocator webjars, String name, String subdirectory) {
        String version = webjars.version(name);
        if (version == null) {
            throw new IllegalStateException("the " + name + " webjar is missing from the class path");
        }
        return "META-INF/resources/webjars/" + name + "/" + version + subdirectory;
    }
}
