package rasad.query.referencedata;

import java.util.Map;

/**
 * Names of the codes Rasad itself defines — statuses, severities, outcomes — which reference data does not hold:
 * fixed with the software, in Persian and English.
 */
public final class Vocabulary {

    private static final Map<String, ReferenceNames.Name> NAMES = Map.ofEntries(
            entry("FACILITY_STATUS/GRANTED", "اعطاشده", "granted"),
            entry("FACILITY_STATUS/PARTLY_DISBURSED", "بخشی پرداخت‌شده", "partly disbursed"),
            entry("FACILITY_STATUS/DISBURSED", "پرداخت کامل", "disbursed"),
            entry("FACILITY_STATUS/REPAID", "بازپرداخت‌شده", "repaid"),
            entry("FACILITY_STATUS/RECALLED", "مطالبه‌شده", "recalled"),
            entry("FACILITY_STATUS/WRITTEN_OFF", "سوخت‌شده", "written off"),
            entry("ALERT_STATUS/OPEN", "باز", "open"),
            entry("ALERT_STATUS/ACKNOWLEDGED", "دیده‌شده", "acknowledged"),
            entry("ALERT_STATUS/ASSIGNED", "ارجاع به بازرس", "assigned"),
            entry("ALERT_STATUS/ESCALATED", "ارجاع به مقام بالاتر", "escalated"),
            entry("ALERT_STATUS/CLEARED", "برطرف‌شده", "cleared"),
            entry("ALERT_STATUS/RESOLVED", "رسیدگی‌شده", "resolved"),
            entry("SEVERITY/LOW", "کم", "low"),
            entry("SEVERITY/MEDIUM", "متوسط", "medium"),
            entry("SEVERITY/HIGH", "زیاد", "high"),
            entry("SEVERITY/CRITICAL", "بحرانی", "critical"),
            entry("ALERT_RESOLUTION/DIVERSION_CONFIRMED", "انحراف تأیید شد", "diversion confirmed"),
            entry("ALERT_RESOLUTION/FALSE_ALARM", "هشدار نادرست", "false alarm"),
            entry("VISIT_DUE/OVERDUE", "گذشته از مهلت", "overdue"),
            entry("VISIT_DUE/TODAY", "امروز", "today"),
            entry("VISIT_DUE/THIS_WEEK", "این هفته", "this week"),
            entry("VISIT_DUE/LATER", "بعداً", "later"),
            entry("VISIT_DUE/VISITED", "بازدیدشده", "visited"),
            entry("ROLE/inspector", "بازرس", "inspector"),
            entry("ROLE/agency-clerk", "کارشناس دستگاه اجرایی", "agency clerk"),
            entry("ROLE/bank-officer", "کارشناس بانک", "bank officer"),
            entry("ROLE/manager", "مدیر", "manager"),
            entry("ROLE/auditor", "حسابرس", "auditor"),
            entry("ROLE/admin", "راهبر سامانه", "administrator"),
            entry("ROLE/monitoring", "پایش فنی سامانه", "monitoring"));

    private Vocabulary() {}

    /** The names of one of Rasad's own codes, or null. */
    public static ReferenceNames.Name of(String kind, String code) {
        return NAMES.get(kind + "/" + code);
    }

    private static Map.Entry<String, ReferenceNames.Name> entry(String key, String fa, String en) {
        return Map.entry(key, new ReferenceNames.Name(fa, en));
    }
}
