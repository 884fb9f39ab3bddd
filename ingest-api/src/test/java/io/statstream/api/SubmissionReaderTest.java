package io.statstream.api;

import io.statstream.model.key.CanonicalForm;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SubmissionReaderTest {
    private final SubmissionReader reader = new SubmissionReader(new RequestParser(RequestLimits.DEFAULT));

    @Test
    void bytesSentAgainAreRememberedAndAnsweredWithTheSameForm() {
        byte[] body = bytes("{\"type\":\"ttest_one_sample\",\"data\":[5.1,4.9,5.6,5.8],\"mu\":5}");
        CanonicalForm first = reader.read(body);
        CanonicalForm second = reader.read(body.clone());
        assertNotSame(first, second, "bytes seen once are not remembered: most bodies of new analyses are sent once");
        assertSame(second, reader.read(body.clone()));
    }

    @Test
    void otherBytesOfTheSameRequestAreReadAndKeyedAlike() {
        CanonicalForm form = reader.read(bytes("{\"type\":\"ttest_one_sample\",\"data\":[5.1,4.9,5.6,5.8],\"mu\":5}"));
        CanonicalForm spelledOtherwise = reader.read(bytes("{\"mu\":5.0, \"data\":[5.1,4.9,5.6,5.8], \"type\":\"ttest_one_sample\"}"));
        assertNotSame(form, spelledOtherwise);
        assertEquals(form.key(), spelledOtherwise.key());
    }

    @Test
    void anInvalidBodyIsRefusedEveryTime() {
        byte[] body = bytes("{\"type\":\"ttest_one_sample\",\"data\":[5.1],\"mu\":5}");
        ApiException first = assertThrows(ApiException.class, () -> reader.read(body));
        ApiException again = assertThrows(ApiException.class, () -> reader.read(body));
        assertEquals(first.getMessage(), again.getMessage());
    }

    @Test
    void aLargeBodyIsReadEachTime() {
        StringBuilder data = new StringBuilder("0");
        for (int i = 1; data.length() <= SubmissionReader.MAX_REMEMBERED_BODY_BYTES; i++) {
            data.append(',').append(i);
        }
        byte[] body = bytes("{\"type\":\"descriptive\",\"data\":[" + data + "]}");
        assertNotSame(reader.read(body), reader.read(body));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
