package io.statstream.cli;

import picocli.CommandLine.Option;

import java.net.URI;

/** Where the API is: the option every command shares. */
final class ApiOptions {
    static final String URL_ENV = "STATSTREAM_URL";
    static final String DEFAULT_URL = "http://localhost:8080";

    @Option(names = "--url", paramLabel = "URL",
            description = "The statstream API (default: $" + URL_ENV + ", else " + DEFAULT_URL + ").")
    String url;

    StatstreamClient client() {
        String base = url != null ? url : System.getenv().getOrDefault(URL_ENV, DEFAULT_URL);
        return new StatstreamClient(URI.create(base.endsWith("/") ? base : base + "/"));
    }
}
