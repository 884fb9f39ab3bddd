package io.statstream.api.access;

import io.statstream.model.key.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API keys a server accepts, by the SHA-256 of each key: the keys themselves are never
 * configured, stored or logged. One entry per line:
 * <pre>
 * # sha256 of the key (hex)                                        client     role    [submissions/s]
 * 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  analytics  submit  500
 * </pre>
 */
public final class ApiKeys {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<String, Caller> byHash;

    private ApiKeys(Map<String, Caller> byHash) {
        this.byHash = Map.copyOf(byHash);
    }

    public static final ApiKeys NONE = new ApiKeys(Map.of());

    /**
     * Parses entries, one per line; blank lines and {@code #} comments are skipped.
     *
     * @throws IllegalArgumentException naming the source and line of the first bad entry
     */
    public static ApiKeys parse(String text, String source) {
        Map<String, Caller> byHash = new HashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                String[] fields = line.split("\\s+");
                if (fields.length < 3 || fields.length > 4) {
                    throw new IllegalArgumentException("expected: <sha256 hex> <client> <role> [submissions per second]");
                }
                String hash = fields[0].toLowerCase(java.util.Locale.ROOT);
                if (!HASH.matcher(hash).matches()) {
                    throw new IllegalArgumentException("the first field is the key's SHA-256, 64 hex digits, not the key");
                }
                if (!NAME.matcher(fields[1]).matches()) {
                    throw new IllegalArgumentException("a client name is 1 to 64 letters, digits, '.', '_' or '-'");
                }
                Optional<Long> rate = fields.length == 4 ? Optional.of(positive(fields[3])) : Optional.empty();
                if (byHash.put(hash, new Caller(fields[1], Role.parse(fields[2]), rate)) != null) {
                    throw new IllegalArgumentException("the same key twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ", entry " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new ApiKeys(byHash);
    }

    private static long positive(String field) {
        try {
            long value = Long.parseLong(field);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new IllegalArgumentException("submissions per second is a positive whole number, not \"" + field + "\"");
    }

    /** Both sets; an entry of {@code other} replaces one of this set for the same key. */
    public ApiKeys and(ApiKeys other) {
        Map<String, Caller> merged = new HashMap<>(byHash);
        merged.putAll(other.byHash);
        return new ApiKeys(merged);
    }

    public Optional<Caller> find(String presentedKey) {
        return Optional.ofNullable(byHash.get(sha256Hex(presentedKey)));
    }

    public int size() {
        return byHash.size();
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    /** The hash under which a key is configured: {@code printf %s "$key" | sha256sum}. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(Sha256.of(key.getBytes(StandardCharsets.UTF_8)));
    }
}
