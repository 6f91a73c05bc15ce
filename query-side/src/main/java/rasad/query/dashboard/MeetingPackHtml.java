package rasad.query.dashboard;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rasad.query.dashboard.DashboardController.BankStanding;
import rasad.query.dashboard.DashboardController.Breakdown;
import rasad.query.dashboard.DashboardController.Dashboard;
import rasad.query.dashboard.DashboardController.QuotaUsage;
import rasad.query.documents.HtmlTemplate;
import rasad.query.documents.Markup;
import rasad.query.referencedata.Named;

/**
 * The committee's monthly meeting pack as one XHTML page for the PDF renderer: the province against its target,
 * the breakdowns, the bank league table and quota usage, in Persian with Persian digits, English beside the
 * headings. Columns are written in the order the page shows them, right-most last (see the template's style).
 */
final class MeetingPackHtml {

    private static final Locale PERSIAN = Locale.forLanguageTag("fa-IR");
    private static final BigDecimal RIALS_PER_BILLION_TOMANS = BigDecimal.valueOf(10_000_000_000L);
    private static final String NONE = "—";

    private static final HtmlTemplate PAGE = HtmlTemplate.resource(MeetingPackHtml.class, "meeting-pack.xhtml");
    private static final HtmlTemplate FACTS = new HtmlTemplate("""
            <table class="facts"><tbody>{{rows}}</tbody></table>
            """);
    private static final HtmlTemplate FACT = new HtmlTemplate("""
            <tr><td>{{value}}</td><th>{{fa}} <span class="en">{{en}}</span></th></tr>
            """);
    private static final HtmlTemplate TABLE = new HtmlTemplate("""
            <table><thead><tr>{{head}}</tr></thead><tbody>{{rows}}</tbody></table>
            """);
    private static final HtmlTemplate HEAD = new HtmlTemplate("<th>{{fa}} <span class=\"en\">{{en}}</span></th>");
    private static final HtmlTemplate ROW = new HtmlTemplate("<tr>{{cells}}</tr>");
    private static final HtmlTemplate CELL = new HtmlTemplate("<td>{{text}}</td>");
    private static final HtmlTemplate FLAGGED = new HtmlTemplate("<td class=\"below\">{{text}}</td>");
    private static final HtmlTemplate NOTE = new HtmlTemplate("<p class=\"note\">{{text}}</p>");

    private MeetingPackHtml() {}

    static String of(
            Dashboard dashboard,
            List<Named<BankStanding>> league,
            List<Named<QuotaUsage>> quotas,
            Instant generatedAt) {
        Figures total = dashboard.total();
        String title = "بسته‌ی جلسه‌ی کارگروه اشتغال استان، سال " + digits(dashboard.fiscalYear()) + "، ماه ۱ تا "
                + digits(dashboard.toMonth());
        return PAGE.fill(Map.ofEntries(
                        Map.entry("title", title),
                        Map.entry("year", Integer.toString(dashboard.fiscalYear())),
                        Map.entry("toMonthLatin", Integer.toString(dashboard.toMonth())),
                        Map.entry("generated", "تهیه‌شده در " + solarHijri(generatedAt) + " به وقت تهران"),
                        Map.entry("headline", headline(total)),
                        Map.entry(
                                "notes",
                                Markup.join(dashboard.notes().stream()
                                        .map(note -> NOTE.fill(Map.of("text", note)))
                                        .toList())),
                        Map.entry("byAgency", breakdown(dashboard.breakdowns().get("agency"))),
                        Map.entry(
                                "byProgramme", breakdown(dashboard.breakdowns().get("programme"))),
                        Map.entry("byCounty", breakdown(dashboard.breakdowns().get("county"))),
                        Map.entry("league", league(league)),
                        Map.entry("quotas", quotas(quotas))))
                .xhtml();
    }

    private static Markup headline(Figures total) {
        return FACTS.fill(Map.of(
                "rows",
                Markup.join(List.of(
                        fact("هدف اشتغال", "Jobs targeted", count(total.targetJobs())),
                        fact("اشتغال ثبت‌شده", "Jobs registered", count(total.jobs())),
                        fact("درصد تحقق", "Achievement", percent(total.achievementPercent())),
                        fact("تأیید پیامکی", "Confirmed by SMS", count(total.smsConfirmed())),
                        fact("تأیید تلفنی", "Confirmed by phone", count(total.phoneConfirmed())),
                        fact("دیده‌شده در بازدید", "Seen on field visits", count(total.seenJobs())),
                        fact("اشتغال تأییدشده", "Jobs verified", count(total.verified())),
                        fact("تأییدشده از هدف", "Verified of target", percent(total.verifiedPercentOfTarget())),
                        fact("اشتغال پایدار", "Sustainable jobs", count(total.sustainable())),
                        fact("طرح‌ها", "Plans", count(total.plans())),
                        fact("مبلغ مصوب (میلیارد تومان)", "Granted (bn tomans)", billions(total.grantedRials())),
                        fact("پرداخت (میلیارد تومان)", "Paid (bn tomans)", billions(total.paidRials())),
                        fact("انحراف تأییدشده", "Diversions confirmed", count(total.diversionsConfirmed()))))));
    }

    private static Markup breakdown(List<Breakdown> rows) {
        List<Markup> body = new ArrayList<>();
        for (Breakdown row : rows == null ? List.<Breakdown>of() : rows) {
            Figures figures = row.figures();
            body.add(row(
                    cell(row.nameFa() == null ? row.code() : row.nameFa()),
                    cell(count(figures.plans())),
                    cell(count(figures.targetJobs())),
                    cell(count(figures.jobs())),
                    cell(percent(figures.achievementPercent())),
                    cell(count(figures.verified())),
                    cell(count(figures.sustainable()))));
        }
        return table(
                List.of(
                        head("نام", "Name"),
                        head("طرح‌ها", "Plans"),
                        head("هدف", "Target"),
                        head("ثبت‌شده", "Registered"),
                        head("تحقق", "Achieved"),
                        head("تأییدشده", "Verified"),
                        head("پایدار", "Sustainable")),
                body);
    }

    private static Markup league(List<Named<BankStanding>> league) {
        List<Markup> body = new ArrayList<>();
        for (Named<BankStanding> named : league) {
            BankStanding standing = named.item();
            String bank = named.names() == null ? null : named.names().get("bank");
            String below = standing.belowExpectation() ? "زیر انتظار" : "";
            body.add(row(
                    cell(digits(standing.rank())),
                    cell(bank == null || bank.isBlank() ? standing.bank() : bank),
                    cell(billions(standing.quotaRials())),
                    cell(billions(standing.paidRials())),
                    cell(percent(standing.absorptionPercent())),
                    cell(count(standing.jobs())),
                    cell(count(standing.verified())),
                    standing.belowExpectation() ? FLAGGED.fill(Map.of("text", below)) : cell(below)));
        }
        return table(
                List.of(
                        head("رتبه", "Rank"),
                        head("بانک عامل", "Bank"),
                        head("سهمیه", "Quota, bn tomans"),
                        head("پرداخت", "Paid, bn tomans"),
                        head("جذب", "Absorption"),
                        head("اشتغال", "Jobs"),
                        head("تأییدشده", "Verified"),
                        head("وضعیت", "Standing")),
                body);
    }

    private static Markup quotas(List<Named<QuotaUsage>> quotas) {
        List<Markup> body = new ArrayList<>();
        for (Named<QuotaUsage> named : quotas) {
            QuotaUsage quota = named.item();
            String holder = named.names() == null ? null : named.names().get("holder");
            body.add(row(
                    cell(holder == null || holder.isBlank() ? quota.holder() : holder),
                    cell(quota.programme() == null ? NONE : quota.programme()),
                    cell(billions(quota.quotaRials())),
                    cell(billions(quota.paidRials())),
                    cell(billions(quota.remainingRials())),
                    cell(percent(quota.usedPercent())),
                    cell(count(quota.plans()))));
        }
        return table(
                List.of(
                        head("دارنده‌ی سهمیه", "Holder"),
                        head("برنامه", "Programme"),
                        head("سهمیه", "Quota, bn tomans"),
                        head("پرداخت", "Paid"),
                        head("مانده", "Remaining"),
                        head("مصرف", "Used"),
                        head("طرح‌ها", "Plans")),
                body);
    }

    /** Columns given right to left, as a Persian reader reads them, written left to right as the page lays them. */
    private static Markup table(List<Markup> headRightToLeft, List<Markup> rows) {
        List<Markup> head = new ArrayList<>(headRightToLeft);
        Collections.reverse(head);
        return TABLE.fill(Map.of("head", Markup.join(head), "rows", Markup.join(rows)));
    }

    private static Markup row(Markup... cellsRightToLeft) {
        List<Markup> cells = new ArrayList<>(List.of(cellsRightToLeft));
        Collections.reverse(cells);
        return ROW.fill(Map.of("cells", Markup.join(cells)));
    }

    private static Markup head(String fa, String en) {
        return HEAD.fill(Map.of("fa", fa, "en", en));
    }

    private static Markup cell(String text) {
        return CELL.fill(Map.of("text", text == null ? NONE : text));
    }

    private static Markup fact(String fa, String en, String value) {
        return FACT.fill(Map.of("fa", fa, "en", en, "value", value));
    }

    static String count(Number value) {
        return value == null ? NONE : NumberFormat.getIntegerInstance(PERSIAN).format(value);
    }

    static String digits(int value) {
        NumberFormat format = NumberFormat.getIntegerInstance(PERSIAN);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    static String percent(Double value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(PERSIAN);
        format.setMaximumFractionDigits(1);
        return format.format(value) + "٪";
    }

    static String billions(long rials) {
        NumberFormat format = NumberFormat.getNumberInstance(PERSIAN);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(BigDecimal.valueOf(rials).divide(RIALS_PER_BILLION_TOMANS, 1, RoundingMode.HALF_UP));
    }

    private static String solarHijri(Instant at) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy/MM/dd HH:mm", new ULocale("fa_IR@calendar=persian"));
        format.setTimeZone(TimeZone.getTimeZone("Asia/Tehran"));
        return format.format(new Date(at.toEpochMilli()));
    }
}
