package rasad.query.alerts;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import rasad.query.asof.AsOfDay;

/**
 * Which episodes a list or heat table covers, checked: exact codes, combined with AND; {@code null} means
 * "any". Statuses, severities and rules are sets of stored values.
 */
record AlertFilter(
        Set<String> statuses,
        Set<String> severities,
        Set<String> rules,
        String county,
        String bank,
        String agency,
        String programme,
        String facility,
        String inspector,
        Integer minAgeDays,
        Integer maxAgeDays,
        AsOfDay openAsOf) {

    AlertFilter withInspector(String only) {
        return new AlertFilter(
                statuses,
                severities,
                rules,
                county,
                bank,
                agency,
                programme,
                facility,
                only,
                minAgeDays,
                maxAgeDays,
                openAsOf);
    }

    /** All but the age, which moves with today. */
    Bson toBson() {
        List<Bson> clauses = new ArrayList<>();
        if (statuses != null) {
            clauses.add(in("status", statuses));
        }
        if (severities != null) {
            clauses.add(in("severity", severities));
        }
        if (rules != null) {
            clauses.add(in("rule", rules));
        }
        exact(clauses, "subject.county", county);
        exact(clauses, "subject.bank", bank);
        exact(clauses, "subject.agency", agency);
        exact(clauses, "subject.programme", programme);
        exact(clauses, "subject.facilityId", facility);
        exact(clauses, "inspector", inspector);
        if (openAsOf != null) {
            // raised by the end of the day, and not closed by then
            Date end = Date.from(openAsOf.end());
            clauses.add(lt("raisedAt", end));
            clauses.add(or(eq("closedAt", null), gte("closedAt", end)));
        }
        return clauses.isEmpty() ? new Document() : and(clauses);
    }

    boolean aged(AlertEpisode episode) {
        return (minAgeDays == null || episode.ageDays() >= minAgeDays)
                && (maxAgeDays == null || episode.ageDays() <= maxAgeDays);
    }

    private static void exact(List<Bson> clauses, String field, String value) {
        if (value != null) {
            clauses.add(eq(field, value));
        }
    }
}
