package rasad.eventstore.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One seal as a witness recorded it.
 *
 * @param line       its line in the witness file
 * @param unreadable why the line is not a witness entry, or null
 */
public record WitnessEntry(
        int line,
        long block,
        long from,
        long to,
        String chained,
        String sealedAt,
        String keyId,
        String signature,
        String unreadable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static WitnessEntry parse(int line, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.path("block").canConvertToLong() || !node.path("chained").isTextual()) {
                return unreadable(line, "no block number or digest");
            }
            return new WitnessEntry(
                    line,
                    node.get("block").asLong(),
                    node.path("from").asLong(),
                    node.path("to").asLong(),
                    node.get("chained").asText(),
                    node.path("sealedAt").asText(null),
                    node.path("keyId").asText(null),
                    node.path("signature").asText(null),
                    null);
        } catch (IOException notJson) {
            return unreadable(line, "not JSON");
        }
    }

    private static WitnessEntry unreadable(int line, String why) {
        return new WitnessEntry(line, 0, 0, 0, null, null, null, null, why);
    }
}
