package io.statstream.cli;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DoneResultsTest {
    @Test
    void cutsEachDoneResultOutAsTheServerWroteIt() throws Exception {
        String first = "{\"key\":\"a\",\"result\":{\"t\":1.0E-5,\"ci\":[null,2.50],\"note\":\"} ] {\"}}";
        String reply = "{\"results\":["
                + "{\"key\":\"a\",\"state\":\"done\",\"result\":" + first + "},"
                + "{\"key\":\"b\",\"state\":\"pending\"},"
                + "{\"key\":\"c\",\"state\":\"done\",\"omitted\":true},"
                + "{\"state\":\"done\",\"key\":\"d\",\"result\":{}}"
                + "],\"summary\":{\"keys\":4,\"done\":3,\"pending\":1,\"unknown\":0,\"omitted\":1}}";
        Map<String, String> done = new LinkedHashMap<>();
        DoneResults.forEach(reply, done::put);
        assertEquals(Map.of("a", first, "d", "{}"), done, "pending and omitted results are not done here");
    }
}
