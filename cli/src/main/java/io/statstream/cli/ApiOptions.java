package io.statstream.cli;

import picocli.CommandLine.Option;

import java.net.URI;
import java.util.Optional;

/** Where the API is and the key to show it: the options every command shares. */
final class ApiOptions {
    static final String URL_ENV = "STATSTREAM_URL";
    static final String API_KEY_ENV = "STATSTREAM_API_KEY";
    static final String DEFAULT_URL = "http://localhost:8080";

    @Option(names = "--url", paramLabel = "URL",
            description = "The statstream API (default: $" + URL_ENV + ", else " + DEFAULT_URL + ").")
    String url;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "The API key, sent as Authorization: Bearer (default: $" + API_KEY_ENV + "; none on an open local API).")
    String apiKey;

    StatstreamClient client() {
        String base = url != null ? url : System.getenv().getOrDefault(URL_ENV, DEFAULT_URL);
        String key = apiKey != null ? apiKey : System.getenv(API_KEY_ENV);
        return new StatstreamClient(URI.create(base.endsWith("/") ? base : base + "/"), Optional.ofNullable(key));
    }
}
