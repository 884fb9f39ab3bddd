package io.statstream.model.request;

import java.util.List;
import java.util.Objects;

/** What reading a request gives: a valid request, or every reason it is not one. */
public sealed interface ParsedRequest permits ParsedRequest.Valid, ParsedRequest.Invalid {

    record Valid(AnalysisRequest request) implements ParsedRequest {
        public Valid {
            Objects.requireNonNull(request, "request");
        }
    }

    record Invalid(List<Violation> violations) implements ParsedRequest {
        public Invalid {
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid request needs at least one violation");
            }
            violations = List.copyOf(violations);
        }

        /** True when the request was refused for its size rather than its content. */
        public boolean tooLarge() {
            return violations.stream().anyMatch(v -> v.code() == ViolationCode.TOO_LARGE);
        }
    }
}
