package rasad.edge.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** A field as the client wrote it: {@code plans[0].planId}, {@code jobsSeen.k}. */
final class JsonPaths {

    private JsonPaths() {}

    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder written = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                if (!written.isEmpty()) {
                    written.append('.');
                }
                written.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                written.append('[').append(step.getIndex()).append(']');
            }
        }
        return written.toString();
    }
}
