package io.statstream.model.key;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalNumberTest {

    /** canonical-numbers.tsv is written by ECMAScript itself (node); see src/test/reference/canonical_numbers.js. */
    @Test
    void spellsEveryNumberAsEcmaScriptDoes() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/canonical-numbers.tsv")), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split("\t");
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(columns[0], 16));
                String spelled = CanonicalNumber.format(value);
                if (!spelled.equals(columns[1])) {
                    mismatches.add(columns[0] + ": expected " + columns[1] + ", got " + spelled);
                }
                checked++;
            }
        }
        assertTrue(checked > 10_000, "the fixture holds every case");
        assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " mismatches:\n" + String.join("\n", mismatches));
    }

    @Test
    void spellingsOfOneValueAgree() {
        assertEquals("1", CanonicalNumber.format(Double.parseDouble("1")));
        assertEquals("1", CanonicalNumber.format(Double.parseDouble("1.0")));
        assertEquals("1", CanonicalNumber.format(Double.parseDouble("1e0")));
        assertEquals("0", CanonicalNumber.format(-0.0));
    }

    @Test
    void refusesWhatJsonCannotSpell() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalNumber.format(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> CanonicalNumber.format(Double.POSITIVE_INFINITY));
    }
}
