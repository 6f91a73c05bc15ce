package rasad.web.dashboard;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import rasad.web.apis.Download;
import rasad.web.apis.QueryApi;

/** The committee's meeting pack of the month the dashboard shows, as the query side lays it out in PDF. */
@Controller
class MeetingPackController {

    private final QueryApi query;

    MeetingPackController(QueryApi query) {
        this.query = query;
    }

    @GetMapping("/meeting-pack.pdf")
    ResponseEntity<byte[]> pack(
            @RequestParam(defaultValue = "" + Period.FISCAL_YEAR) int year,
            @RequestParam(defaultValue = "12") int toMonth) {
        Period period = Period.of(year, toMonth);
        byte[] pdf = query.bytes(
                "/api/dashboard/" + period.year() + "/meeting-pack.pdf", Map.of("toMonth", period.toMonth()));
        return Download.of(
                pdf, MediaType.APPLICATION_PDF, "meeting-pack-" + period.year() + "-" + period.toMonth() + ".pdf");
    }
}
