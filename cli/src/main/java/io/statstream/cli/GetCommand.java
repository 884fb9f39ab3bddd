package io.statstream.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code statstream get KEY}: one result. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Print the result of one key as JSON.",
                "Exit status: 0 done, 2 still pending, 1 unknown key or error."})
final class GetCommand implements Callable<Integer> {
    @Mixin
    ApiOptions api;

    @Parameters(paramLabel = "KEY", description = "The content key (64 hex digits).")
    String key;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to this long for a pending result (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    public Integer call() {
        String query = waitSeconds > 0 ? "?wait=" + waitSeconds + "s" : "";
        StatstreamClient.Reply reply = api.client().get("v1/analyses/" + key + query);
        System.out.println(reply.text());
        return switch (reply.status()) {
            case 200 -> 0;
            case 202 -> 2;
            default -> 1;
        };
    }
}
