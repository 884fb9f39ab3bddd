package io.statstream.launcher.docs;

import io.statstream.api.ApiSettings;
import io.statstream.sink.SinkSettings;
import io.statstream.worker.service.WorkerSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README's settings table and the settings the services read agree: every setting a
 * {@link ConfigDef} declares has a row, and every row names a declared setting.
 */
class SettingsTableTest {
    private static final Pattern ROW = Pattern.compile("(?m)^\\| (`[A-Z][A-Z0-9_*]*`(?:, `[A-Z][A-Z0-9_*]*`)*) \\|");
    private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_*]*)`");
    /** Named in another setting's row, with it: the scheduled refresh's size and window. */
    private static final Set<String> DESCRIBED_WITH_ANOTHER = Set.of("WARM_REFRESH_TOP", "WARM_REFRESH_HOURS");

    @Test
    void everyDeclaredSettingHasARowAndEveryRowIsDeclared() throws Exception {
        Set<String> declared = new TreeSet<>();
        Stream.of(ApiSettings.DEFINITION, WorkerSettings.DEFINITION, SinkSettings.DEFINITION)
                .forEach(definition -> declared.addAll(definition.names()));
        declared.removeAll(DESCRIBED_WITH_ANOTHER);

        Set<String> documented = new TreeSet<>();
        Matcher rows = ROW.matcher(Files.readString(readme()));
        while (rows.find()) {
            Matcher names = NAME.matcher(rows.group(1));
            while (names.find()) {
                documented.add(names.group(1));
            }
        }
        documented.remove("KAFKA_*"); // the pass-through of every Kafka client setting, not one setting

        assertEquals(declared, documented, "the README's settings table and the ConfigDefs differ");
    }

    /** Tests run in the module's directory; the README is the repository's. */
    private static Path readme() {
        return Path.of("").toAbsolutePath().getParent().resolve("README.md");
    }
}
