package rasad.query.privacy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import rasad.edge.problem.InvalidParameterException;

/** Who read personal data in full, when, through which request, about which cases: for auditors. */
@RestController
@PreAuthorize("hasRole('AUDITOR')")
class PersonalDataAccessController {

    private static final int MAX_PAGE_SIZE = 500;

    private final MongoDatabase database;

    PersonalDataAccessController(MongoDatabase database) {
        this.database = database;
    }

    record Reading(Instant at, String user, String role, String request, List<String> facilities, List<String> kinds) {}

    record Page(List<Reading> items, int page, int size) {}

    @GetMapping("/api/privacy/access-log")
    @Operation(summary = "Readings of national ids and mobile numbers in full, newest first")
    Page accessLog(
            @Parameter(description = "only this user's readings") @RequestParam(required = false) String user,
            @Parameter(description = "only readings of this facility") @RequestParam(required = false) String facility,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidParameterException("page", "PAGE_NEGATIVE", "page numbers start at 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidParameterException(
                    "size", "PAGE_SIZE_OUT_OF_RANGE", "a page holds 1 to " + MAX_PAGE_SIZE + " readings");
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidParameterException("page", "PAGE_BEYOND_END", "no list is that long");
        }
        List<Bson> filters = new ArrayList<>();
        if (user != null && !user.isBlank()) {
            filters.add(Filters.eq("user", user));
        }
        if (facility != null && !facility.isBlank()) {
            filters.add(Filters.eq("facilities", facility));
        }
        List<Reading> readings = database.getCollection(PersonalData.ACCESS_LOG)
                .find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("_id"))
                .skip(page * size)
                .limit(size)
                .map(reading -> new Reading(
                        reading.getDate("at").toInstant(),
                        reading.getString("user"),
                        reading.getString("role"),
                        reading.getString("request"),
                        reading.getList("facilities", String.class),
                        reading.getList("kinds", String.class)))
                .into(new ArrayList<>());
        return new Page(readings, page, size);
    }
}
