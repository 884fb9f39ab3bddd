package io.statstream.model.key;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * canonical-numbers.tsv: every kind of double, as its bits in hex, beside ECMAScript's spelling of
 * it. Written by ECMAScript itself (node); see src/test/reference/canonical_numbers.js.
 */
final class CanonicalNumbersFixture {
    private CanonicalNumbersFixture() {
    }

    /** One line of the fixture: the bits as written there, the double they make, and its spelling. */
    record Row(String bits, double value, String spelling) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CanonicalNumbersFixture.class.getResourceAsStream("/canonical-numbers.tsv")), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split("\t");
                rows.add(new Row(columns[0], Double.longBitsToDouble(Long.parseUnsignedLong(columns[0], 16)), columns[1]));
            }
        }
        return rows;
    }
}
