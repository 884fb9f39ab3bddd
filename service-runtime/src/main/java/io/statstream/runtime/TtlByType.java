package io.statstream.runtime;

import io.statstream.model.AnalysisType;
import io.statstream.model.WireEnum;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The RESULT_TTL_BY_TYPE setting: {@code type=seconds} pairs, one per analysis type that differs. */
public final class TtlByType {
    private TtlByType() {
    }

    public static Map<AnalysisType, Duration> parse(List<String> pairs) {
        Map<AnalysisType, Duration> ttls = new EnumMap<>(AnalysisType.class);
        for (String pair : pairs) {
            String[] parts = pair.trim().split("=", 2);
            AnalysisType type = parts.length == 2 ? WireEnum.fromWireName(AnalysisType.class, parts[0].trim()).orElse(null) : null;
            long seconds;
            try {
                seconds = parts.length == 2 ? Long.parseLong(parts[1].trim()) : -1;
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (type == null || seconds < 1) {
                throw new ConfigException(SharedSettings.RESULT_TTL_BY_TYPE, pair,
                        "expected type=seconds with one of " + WireEnum.wireNames(AnalysisType.class) + " and seconds >= 1");
            }
            ttls.put(type, Duration.ofSeconds(seconds));
        }
        return ttls;
    }

    static final class Validator implements ConfigDef.Validator {
        @Override
        @SuppressWarnings("unchecked")
        public void ensureValid(String name, Object value) {
            parse((List<String>) value);
        }
    }
}
