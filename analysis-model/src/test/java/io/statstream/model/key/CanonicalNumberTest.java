package io.statstream.model.key;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalNumberTest {

    /** The fixture is written by ECMAScript itself (node); see {@link CanonicalNumbersFixture}. */
    @Test
    void spellsEveryNumberAsEcmaScriptDoes() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (CanonicalNumbersFixture.Row row : CanonicalNumbersFixture.rows()) {
            String spelled = CanonicalNumber.format(row.value());
            if (!spelled.equals(row.spelling())) {
                mismatches.add(row.bits() + ": expected " + row.spelling() + ", got " + spelled);
            }
            checked++;
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
