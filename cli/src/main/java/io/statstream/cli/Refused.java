package io.statstream.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/** The service answered, and refused: what was refused, its status, and the service's own reason. */
final class Refused extends RuntimeException {
    Refused(String what, StatstreamClient.Reply reply) {
        super(what + " was refused (" + reply.status() + "): " + reason(reply));
    }

    /** A problem's detail (RFC 9457) when the answer is one, else the answer's text. */
    private static String reason(StatstreamClient.Reply reply) {
        try {
            JsonNode problem = reply.bytes().length == 0 ? null : StatstreamClient.JSON.readTree(reply.bytes());
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (IOException e) {
            // not JSON: said as it came
        }
        return reply.text().isBlank() ? "no reason given" : reply.text().strip();
    }
}
