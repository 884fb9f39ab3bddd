package io.statstream.model;

/**
 * The version of the engine's semantics. It is part of every content key, so raising it makes
 * every stored result unreachable and forces recomputation: raise it whenever a change to the
 * engine could change a number that was already served.
 */
public final class EngineVersion {
    public static final String CURRENT = "1";

    private EngineVersion() {
    }
}
