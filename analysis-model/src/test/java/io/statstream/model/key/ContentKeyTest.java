package io.statstream.model.key;

import io.statstream.model.request.AnalysisRequest;
import io.statstream.model.request.ParsedRequest;
import io.statstream.model.request.RequestLimits;
import io.statstream.model.request.RequestParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentKeyTest {
    private static final RequestParser PARSER = new RequestParser(RequestLimits.DEFAULT);
    private static final String ONE_SAMPLE = """
            {"type":"ttest_one_sample","data":[1.5,2,3.25],"mu":1,"alternative":"less","confidence":0.9}""";

    @Test
    void numberSpellingsDoNotChangeTheKey() {
        assertSameKey("{\"type\":\"descriptive\",\"data\":[1,2,30]}", "{\"type\":\"descriptive\",\"data\":[1.0,2.00,3e1]}");
        assertSameKey("{\"type\":\"descriptive\",\"data\":[1,2,30]}", "{\"type\":\"descriptive\",\"data\":[1e0,0.2e1,300E-1]}");
    }

    @Test
    void fieldOrderDoesNotChangeTheKey() {
        assertSameKey(ONE_SAMPLE, """
                {"confidence":0.9,"alternative":"less","mu":1,"data":[1.5,2,3.25],"type":"ttest_one_sample"}""");
    }

    @Test
    void omittedDefaultsEqualExplicitDefaults() {
        String bare = "{\"type\":\"ttest_one_sample\",\"data\":[1,2,3]}";
        assertSameKey(bare, "{\"type\":\"ttest_one_sample\",\"data\":[1,2,3],\"mu\":0}");
        assertSameKey(bare, "{\"type\":\"ttest_one_sample\",\"data\":[1,2,3],\"mu\":null}");
        assertSameKey(bare, """
                {"type":"ttest_one_sample","data":[1,2,3],"mu":0,"alternative":"two-sided","confidence":0.95}""");
        assertSameKey("{\"type\":\"regression_ols\",\"y\":[1,2,4],\"x\":[[1],[2],[3]]}",
                "{\"type\":\"regression_ols\",\"y\":[1,2,4],\"x\":[[1],[2],[3]],\"intercept\":true}");
        assertSameKey("{\"type\":\"ttest_independent\",\"a\":[1,2],\"b\":[3,5]}",
                "{\"type\":\"ttest_independent\",\"a\":[1,2],\"b\":[3,5],\"equal_var\":false}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"ttest_one_sample\",\"data\":[1.5,2,3.26],\"mu\":1,\"alternative\":\"less\",\"confidence\":0.9}",
            "{\"type\":\"ttest_one_sample\",\"data\":[2,1.5,3.25],\"mu\":1,\"alternative\":\"less\",\"confidence\":0.9}",
            "{\"type\":\"ttest_one_sample\",\"data\":[1.5,2,3.25,4],\"mu\":1,\"alternative\":\"less\",\"confidence\":0.9}",
            "{\"type\":\"ttest_one_sample\",\"data\":[1.5,2,3.25],\"mu\":1.0000000000000002,\"alternative\":\"less\",\"confidence\":0.9}",
            "{\"type\":\"ttest_one_sample\",\"data\":[1.5,2,3.25],\"mu\":1,\"alternative\":\"greater\",\"confidence\":0.9}",
            "{\"type\":\"ttest_one_sample\",\"data\":[1.5,2,3.25],\"mu\":1,\"alternative\":\"less\",\"confidence\":0.95}",
            "{\"type\":\"descriptive\",\"data\":[1.5,2,3.25]}",
    })
    void anyChangedValueChangesTheKey(String changed) {
        assertNotEquals(key(ONE_SAMPLE), key(changed));
    }

    /** The expected hashes were computed outside Java: printf 'statstream-engine-1\n{..}' | sha256sum. */
    @Test
    void keysAreTheSha256OfTheVersionedCanonicalForm() {
        CanonicalForm oneSample = CanonicalForm.of(request("{\"data\":[1,2,3.0],\"type\":\"ttest_one_sample\"}"));
        assertEquals("{\"alternative\":\"two-sided\",\"confidence\":0.95,\"data\":[1,2,3],\"mu\":0,\"type\":\"ttest_one_sample\"}",
                oneSample.json());
        assertEquals("d8d2c1a6925188e8a778df66b97ae6ed45cba9d92254d61341a6fc1c2ec923d2", oneSample.key().hex());

        CanonicalForm regression = CanonicalForm.of(request(
                "{\"type\":\"regression_ols\",\"y\":[1000000000.1,2,3],\"x\":[[1,0.5],[2,1e21],[3,-1e-6]],\"intercept\":false}"));
        assertEquals("{\"intercept\":false,\"type\":\"regression_ols\",\"x\":[[1,0.5],[2,1e+21],[3,-0.000001]],"
                + "\"y\":[1000000000.1,2,3]}", regression.json());
        assertEquals("13e206cea972414e582ca93594760cbe7b6d69b895d9cd64adb2882339d9becc", regression.key().hex());
    }

    @Test
    void theCanonicalFormReadsBackToTheSameKey() {
        CanonicalForm form = CanonicalForm.of(request(ONE_SAMPLE));
        assertEquals(form, CanonicalForm.of(request(form.json())));
    }

    @Test
    void keysAreSixtyFourLowercaseHexDigits() {
        assertTrue(key(ONE_SAMPLE).hex().matches("[0-9a-f]{64}"));
        assertTrue(ContentKey.parse(key(ONE_SAMPLE).hex()).isPresent());
        assertTrue(ContentKey.parse(key(ONE_SAMPLE).hex().toUpperCase(java.util.Locale.ROOT)).isEmpty());
        assertTrue(ContentKey.parse(key(ONE_SAMPLE).hex().substring(1)).isEmpty());
        assertTrue(ContentKey.parse((String) null).isEmpty());
        assertTrue(ContentKey.parse((byte[]) null).isEmpty());
    }

    @Test
    void aKeyIsFourWordsOfSixteenDigits() {
        ContentKey key = new ContentKey("0123456789abcdef".repeat(2) + "0".repeat(16) + "f".repeat(16));
        assertEquals(0x0123456789abcdefL, key.word(0));
        assertEquals(0x0123456789abcdefL, key.word(1));
        assertEquals(0L, key.word(2));
        assertEquals(-1L, key.word(3));
    }

    private static void assertSameKey(String first, String second) {
        assertEquals(key(first), key(second), () -> first + " and " + second);
    }

    private static ContentKey key(String json) {
        return ContentKey.of(request(json));
    }

    private static AnalysisRequest request(String json) {
        ParsedRequest parsed = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(ParsedRequest.Valid.class, parsed, parsed::toString).request();
    }
}
