package io.statstream.api.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys of {@code API_KEYS} (entries separated by {@code ;}) and of the file {@code API_KEYS_FILE},
 * the file read again whenever it changes, so that a key is added or revoked without a restart.
 * A file that turns invalid keeps the keys it had, with a warning: a typo must not lock everyone out.
 */
public final class ApiKeysSource {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeysSource.class);

    private final ApiKeys fromEnvironment;
    private final Optional<Path> file;
    private volatile ApiKeys current;
    private FileTime readAt;

    private ApiKeysSource(ApiKeys fromEnvironment, Optional<Path> file) {
        this.fromEnvironment = fromEnvironment;
        this.file = file;
    }

    /**
     * @throws IllegalArgumentException when an entry is invalid or the file cannot be read: a
     *     server must not start with keys it misread
     */
    public static ApiKeysSource of(String environmentEntries, Optional<Path> file) {
        ApiKeysSource source = new ApiKeysSource(ApiKeys.parse(environmentEntries.replace(';', '\n'), "API_KEYS"), file);
        try {
            source.current = source.read();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read API_KEYS_FILE " + file.orElseThrow() + ": " + e.getMessage(), e);
        }
        return source;
    }

    public ApiKeys current() {
        return current;
    }

    /** Reads the file again if it changed since it was last read. */
    public void reloadIfChanged() {
        if (file.isEmpty()) {
            return;
        }
        try {
            if (Objects.equals(Files.getLastModifiedTime(file.get()), readAt)) {
                return;
            }
            ApiKeys reloaded = read();
            current = reloaded;
            LOG.info("API keys reloaded from {}: {} key(s)", file.get(), reloaded.size());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("API keys unchanged: {} could not be used ({})", file.get(), e.getMessage());
        }
    }

    private ApiKeys read() throws IOException {
        if (file.isEmpty()) {
            return fromEnvironment;
        }
        readAt = Files.getLastModifiedTime(file.get()); // before parsing: a bad file is reported once, not every check
        return fromEnvironment.and(ApiKeys.parse(Files.readString(file.get()), file.get().toString()));
    }
}
