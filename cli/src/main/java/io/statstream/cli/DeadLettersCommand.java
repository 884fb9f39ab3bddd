package io.statstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code statstream dlq replay}: the operator's way back for requests the worker could not process. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Dead letters of analysis-requests.",
        subcommands = DeadLettersCommand.Replay.class)
final class DeadLettersCommand {

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Send the dead letters that came under a content key back to the worker, once the cause",
                    "is fixed; each is replayed once, and its key's failed result is recomputed."})
    static final class Replay implements Callable<Integer> {
        @Mixin
        ApiOptions api;

        @Override
        public Integer call() {
            StatstreamClient client = api.client();
            long[] totals = new long[4]; // read, replayed, skipped, failed
            JsonNode answer;
            do {
                StatstreamClient.Reply reply = client.postJson("v1/dead-letters/replay", "");
                if (reply.status() != 200) {
                    throw new Refused("the replay", reply);
                }
                answer = reply.body();
                totals[0] += answer.get("read").asLong();
                totals[1] += answer.get("replayed").asLong();
                totals[2] += answer.get("skipped").asLong();
                totals[3] += answer.get("failed").asLong();
            } while (answer.get("remaining").asBoolean() && answer.get("failed").asLong() == 0);
            System.out.printf("read %d, replayed %d, skipped (no content key) %d, failed %d%n",
                    totals[0], totals[1], totals[2], totals[3]);
            return totals[3] > 0 ? 1 : 0;
        }
    }
}
