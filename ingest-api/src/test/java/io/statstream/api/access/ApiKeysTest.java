package io.statstream.api.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {
    private static final String ANALYTICS_KEY = "k-analytics-3f9c";
    private static final String OPS_KEY = "k-ops-77a1";

    @Test
    void aKeyIsFoundByItsHashAndNamesItsClientRoleAndRate() {
        ApiKeys keys = ApiKeys.parse("""
                # sha256                                                         client     role    rate
                %s  analytics  submit  500

                %s  ops admin
                """.formatted(ApiKeys.sha256Hex(ANALYTICS_KEY), ApiKeys.sha256Hex(OPS_KEY)), "keys.txt");

        Caller analytics = keys.find(ANALYTICS_KEY).orElseThrow();
        assertEquals(new Caller("analytics", Role.SUBMIT, Optional.of(500L)), analytics);
        assertEquals(new Caller("ops", Role.ADMIN, Optional.empty()), keys.find(OPS_KEY).orElseThrow());
        assertTrue(keys.find("k-unknown").isEmpty());
        assertTrue(keys.find(ApiKeys.sha256Hex(ANALYTICS_KEY)).isEmpty(), "the hash is not a key");
    }

    @Test
    void rolesIncludeTheOnesBelowThem() {
        assertTrue(Role.ADMIN.includes(Role.SUBMIT) && Role.ADMIN.includes(Role.READ));
        assertTrue(Role.SUBMIT.includes(Role.READ));
        assertFalse(Role.SUBMIT.includes(Role.ADMIN));
        assertFalse(Role.READ.includes(Role.SUBMIT));
    }

    @Test
    void aBadEntryIsRefusedNamingWhereAndWhy() {
        String hash = ApiKeys.sha256Hex(ANALYTICS_KEY);
        assertEquals("keys.txt, entry 2: unknown role \"writer\" (read, submit or admin)", assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse("# c\n" + hash + " analytics writer", "keys.txt")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(ANALYTICS_KEY + " analytics read", "k"))
                .getMessage().contains("not the key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(hash + " a read\n" + hash + " b read", "k"))
                .getMessage().contains("the same key twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(hash + " a submit -5", "k"))
                .getMessage().contains("positive"));
    }

    @Test
    void theFileIsReadAgainWhenItChangesAndABadEditKeepsTheKeysItHad(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, ApiKeys.sha256Hex(ANALYTICS_KEY) + " analytics read\n");
        ApiKeysSource source = ApiKeysSource.of(ApiKeys.sha256Hex(OPS_KEY) + " ops admin", Optional.of(file));
        assertTrue(source.current().find(ANALYTICS_KEY).isPresent());
        assertTrue(source.current().find(OPS_KEY).isPresent(), "the environment's keys count too");

        Files.writeString(file, "not a key line\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1)));
        source.reloadIfChanged();
        assertTrue(source.current().find(ANALYTICS_KEY).isPresent(), "a bad edit locks nobody out");

        Files.writeString(file, "# revoked\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(2)));
        source.reloadIfChanged();
        assertTrue(source.current().find(ANALYTICS_KEY).isEmpty(), "a revoked key stops working without a restart");
        assertTrue(source.current().find(OPS_KEY).isPresent());
    }

    @Test
    void openOnlyWhereNobodyElseCanReachTheApiOrWhereTheOperatorSaidSo() {
        ApiKeysSource none = ApiKeysSource.of("", Optional.empty());
        assertFalse(AccessControl.configure("127.0.0.1", "keys", none).keysRequired());
        assertFalse(AccessControl.configure("0.0.0.0", AccessControl.AUTH_OFF, none).keysRequired());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AccessControl.configure("0.0.0.0", "keys", none))
                .getMessage().contains("AUTH=off"));
        ApiKeysSource some = ApiKeysSource.of(ApiKeys.sha256Hex(OPS_KEY) + " ops admin", Optional.empty());
        assertTrue(AccessControl.configure("0.0.0.0", "keys", some).keysRequired());
        assertTrue(AccessControl.configure("127.0.0.1", "keys", some).keysRequired());
    }
}
