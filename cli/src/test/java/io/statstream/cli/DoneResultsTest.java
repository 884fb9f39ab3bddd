package io.statstream.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DoneResultsTest {
    @Test
    void cutsEachDoneResultOutAsTheServerWroteIt() throws Exception {
        // Characters of two and three bytes before and inside a result: its place is counted in bytes.
        String first = "{\"key\":\"a\",\"result\":{\"t\":1.0E-5,\"ci\":[null,2.50],\"note\":\"} ] { é €\"}}";
        String reply = "{\"note\":\"ü\",\"results\":["
                + "{\"key\":\"a\",\"state\":\"done\",\"result\":" + first + "},"
                + "{\"key\":\"b\",\"state\":\"pending\"},"
                + "{\"key\":\"c\",\"state\":\"done\",\"omitted\":true},"
                + "{\"state\":\"done\",\"key\":\"d\",\"result\":{}}"
                + "],\"summary\":{\"keys\":4,\"done\":3,\"pending\":1,\"unknown\":0,\"omitted\":1}}";
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        Map<String, String> done = new LinkedHashMap<>();
        DoneResults.forEach(bytes, (key, start, end) ->
                done.put(key, new String(Arrays.copyOfRange(bytes, start, end), StandardCharsets.UTF_8)));
        assertEquals(Map.of("a", first, "d", "{}"), done, "pending and omitted results are not done here");
    }
}
