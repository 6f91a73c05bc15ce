package rasad.web.dashboard;

import java.util.List;
import java.util.stream.IntStream;
import org.springframework.ui.Model;

/**
 * The fiscal year and the months 1 to {@code toMonth} a page shows: the committee meets monthly and reads the
 * year so far. A month out of range is brought into it rather than refused: it comes from a link or a select.
 */
public record Period(int year, int toMonth) {

    public static final int FISCAL_YEAR = 1404;
    private static final List<Integer> MONTHS =
            IntStream.rangeClosed(1, 12).boxed().toList();

    public static Period of(int year, int toMonth) {
        return new Period(Math.max(1300, Math.min(1500, year)), Math.max(1, Math.min(12, toMonth)));
    }

    public void addTo(Model model) {
        model.addAttribute("year", year);
        model.addAttribute("toMonth", toMonth);
        model.addAttribute("months", MONTHS);
    }
}
