package rasad.query.audit;

import java.util.Map;

/**
 * Each event's name in Persian, for people: auditors read the dossier and the timeline in Persian, and the class
 * name beside it is the exact one. A test checks that every event of the contract has one.
 */
public final class EventNames {

    private static final Map<String, String> PERSIAN = Map.ofEntries(
            Map.entry("FacilityGranted", "اعطای تسهیلات"),
            Map.entry("TrancheDisbursed", "پرداخت قسط"),
            Map.entry("TrancheRefused", "رد پرداخت قسط"),
            Map.entry("FacilityClosed", "بستن پرونده تسهیلات"),
            Map.entry("JobRegistered", "ثبت اشتغال"),
            Map.entry("JobClaimRefused", "رد ادعای اشتغال"),
            Map.entry("JobCorrected", "اصلاح اشتغال"),
            Map.entry("JobEnded", "پایان اشتغال"),
            Map.entry("SmsCheckRecorded", "نتیجه استعلام پیامکی"),
            Map.entry("PhoneCheckRecorded", "نتیجه استعلام تلفنی"),
            Map.entry("FieldVisitAssigned", "ارجاع بازدید میدانی"),
            Map.entry("FieldVisitRecorded", "ثبت بازدید میدانی"),
            Map.entry("SampleDrawn", "نمونه‌گیری بازدید"),
            Map.entry("FollowUpRequested", "درخواست پیگیری پایداری"),
            Map.entry("FollowUpRecorded", "ثبت پیگیری پایداری"),
            Map.entry("FollowUpMissed", "پیگیری انجام‌نشده"),
            Map.entry("DiversionFindingRecorded", "ثبت یافته انحراف"),
            Map.entry("DiversionConfirmed", "تأیید انحراف"),
            Map.entry("DiversionDismissed", "رد انحراف"),
            Map.entry("AlertRaised", "صدور هشدار"),
            Map.entry("AlertAcknowledged", "پذیرش هشدار"),
            Map.entry("AlertAssigned", "ارجاع هشدار به بازرس"),
            Map.entry("AlertNoted", "یادداشت هشدار"),
            Map.entry("AlertEscalated", "ارجاع هشدار به سطح بالاتر"),
            Map.entry("AlertCleared", "رفع خودکار هشدار"),
            Map.entry("AlertResolved", "بستن هشدار"),
            Map.entry("AlertRuleParametersChanged", "تغییر پارامترهای قاعده هشدار"),
            Map.entry("PlanApproved", "تصویب طرح در کمیته"),
            Map.entry("PlanFinanced", "تأمین مالی طرح مصوب"),
            Map.entry("JobTargetSet", "تعیین هدف اشتغال"),
            Map.entry("JobTargetRevised", "بازنگری هدف اشتغال"),
            Map.entry("QuotaSet", "تعیین سهمیه"),
            Map.entry("QuotaRevised", "بازنگری سهمیه"),
            Map.entry("QuotaConsumed", "مصرف سهمیه"),
            Map.entry("ReferenceEntryAdded", "افزودن داده پایه"),
            Map.entry("ReferenceEntryRetired", "بازنشستگی داده پایه"),
            Map.entry("ReadModelRebuildRequested", "درخواست بازسازی مدل خواندنی"),
            Map.entry("StaffMemberRegistered", "ثبت کارمند"),
            Map.entry("StaffMemberChanged", "تغییر مشخصات کارمند"),
            Map.entry("StaffMemberRetired", "خروج کارمند از فهرست"),
            Map.entry("StaffMemberReinstated", "بازگشت کارمند به فهرست"));

    private EventNames() {}

    /** The Persian name of an event type (its simple class name), or null for one not in the contract. */
    public static String persian(String type) {
        return type == null ? null : PERSIAN.get(type);
    }
}
