// Which form notifications the lead form shows, as a pure function of the lead's columns and the
// score explanation, so that it can be tested without a form.
import type { Explanation } from "../shared/api";
import type { Formatter } from "../shared/format";
import { LifecycleStage } from "../shared/schema";

export type NotificationLevel = "INFO" | "WARNING" | "ERROR";

export interface FormNotification {
  id: string;
  level: NotificationLevel;
  message: string;
}

/** The unique ids of our notifications, so that each refresh clears exactly ours. */
export const NotificationIds = {
  salesReady: "ls_notification_salesready",
  recycled: "ls_notification_recycled",
  decay: "ls_notification_decay",
} as const;

export interface LeadState {
  stage: number | null;
  score: number | null;
  grade: string | null;
  handBackReason: string | null;
  handBackOn: Date | null;
  handBackCount: number | null;
}

export function notificationsFor(lead: LeadState, explanation: Explanation | null, fmt: Formatter): FormNotification[] {
  const out: FormNotification[] = [];
  const stage = lead.stage;
  const closedForSales = stage === LifecycleStage.SalesAccepted || stage === LifecycleStage.Disqualified;

  const salesReady = explanation ? explanation.salesReady : stage === LifecycleStage.MarketingQualified;
  if (salesReady && !closedForSales && stage !== LifecycleStage.Recycled) {
    const score = explanation ? explanation.score : lead.score;
    const grade = explanation?.grade ?? lead.grade;
    const threshold = explanation ? ` (sales-ready threshold ${fmt.number(explanation.salesReadyThreshold)})` : "";
    out.push({
      id: NotificationIds.salesReady,
      level: "INFO",
      message:
        `Sales-ready: score ${fmt.number(score)}${threshold}` +
        (grade ? `, grade ${grade}` : "") +
        ". Follow up with this lead now.",
    });
  }

  if (stage === LifecycleStage.Recycled) {
    const reason = lead.handBackReason ?? explanation?.handBackReason ?? null;
    const count = lead.handBackCount ?? explanation?.handBackCount ?? null;
    const when = lead.handBackOn ? ` on ${fmt.date(lead.handBackOn)}` : "";
    const times = count && count > 1 ? ` (handed back ${fmt.number(count)} times)` : "";
    out.push({
      id: NotificationIds.recycled,
      level: "WARNING",
      message: `Recycled: sales handed this lead back to marketing${when}${times}. Reason: ${reason?.trim() ? reason : "none given"}.`,
    });
  }

  const decay = explanation?.decay;
  if (decay?.active && stage !== LifecycleStage.Disqualified) {
    const since = decay.lastEngagementOn ? `no engagement since ${fmt.date(decay.lastEngagementOn)}; ` : "";
    const days = decay.daysUntilNextDebit;
    const when =
      days === null
        ? decay.nextDebitOn
          ? `on ${fmt.date(decay.nextDebitOn)}`
          : "soon"
        : `${fmt.inDays(days)}` + (decay.nextDebitOn ? ` (${fmt.date(decay.nextDebitOn)})` : "");
    out.push({
      id: NotificationIds.decay,
      level: "WARNING",
      message: `Score decaying: ${since}the next debit of ${fmt.number(decay.points)} points is ${when}.`,
    });
  }
  return out;
}
