/**
 * Words for the group page: relative dates, percentages and the activity feed as sentences, in the request's
 * language (server only).
 */
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { GroupDetail } from "@/lib/groups/service";

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

function record(data: unknown): Record<string, unknown> {
  return data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** The group page's formatters and sentences for the current request's locale. */
export async function groupWords() {
  const [t, format, locale] = await Promise.all([getTranslations("groups"), getFormatter(), getLocale()]);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });

  /** "5 minutes ago", "yesterday", "in 3 days"; "just now" under a minute. */
  function relativeTime(date: Date, now: Date): string {
    const diff = date.getTime() - now.getTime();
    for (const [unit, ms] of UNITS) {
      if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
    }
    return t("activity.justNow");
  }

  /** 0.923 → "92%". */
  function formatPercent(share: number): string {
    return format.number(share, { style: "percent", maximumFractionDigits: 0 });
  }

  function date(value: Date): string {
    return format.dateTime(value, { dateStyle: "medium" });
  }

  function dateTime(value: Date): string {
    return format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  }

  /** The goal as it follows "Daily goal:" ("50 reviews a day", "no daily goal"). */
  function goalLabel(goal: GroupDetail["goal"]): string {
    if (!goal) return t("goals.none");
    return goal.kind === "REVIEWS" ? t("goals.reviews", { count: goal.target }) : t("goals.newCards", { count: goal.target });
  }

  /** "A", "A and B", "A, B and C". */
  function listOf(items: string[]): string {
    if (items.length <= 1) return items.join("");
    return t("activity.listLast", { rest: items.slice(0, -1).join(t("activity.listSeparator")), last: items[items.length - 1]! });
  }

  /**
   * One feed entry as a sentence ("Ada joined", "Ben changed the decks to …"). People named in the entry's data are
   * looked up among the current members; someone who has left since is "a former member".
   */
  function activitySentence(entry: GroupDetail["activity"][number], nameOf: Map<string, string>): string {
    const actor = entry.actorName ?? t("activity.formerMemberActor");
    const data = record(entry.data);
    const storedName = typeof data.name === "string" ? data.name : null;
    const target = typeof data.userId === "string" ? (nameOf.get(data.userId) ?? storedName ?? t("activity.formerMember")) : t("activity.aMember");
    switch (entry.kind) {
      case "group.create":
        return t("activity.create", { actor });
      case "member.join":
        return t("activity.join", { actor });
      case "member.leave":
        return t("activity.leave", { actor });
      case "member.remove":
        return t("activity.remove", { actor, target });
      case "member.role":
        return t("activity.role", { actor, target, role: data.role === "MODERATOR" ? "MODERATOR" : "MEMBER" });
      case "group.owner":
        return t("activity.owner", { actor, target });
      case "group.decks": {
        const decks = Array.isArray(data.decks) ? data.decks.filter((deck): deck is string => typeof deck === "string") : [];
        return decks.length === 0 ? t("activity.decksCleared", { actor }) : t("activity.decks", { actor, decks: listOf(decks) });
      }
      case "group.goal": {
        const count = typeof data.target === "number" ? data.target : null;
        if (data.kind === "REVIEWS" && count) return t("activity.goalReviews", { actor, count });
        if (data.kind === "NEW_CARDS" && count) return t("activity.goalNewCards", { actor, count });
        return t("activity.goalRemoved", { actor });
      }
      case "goal.met":
        return t("activity.goalMet", { actor });
      default:
        return t("activity.updated", { actor });
    }
  }

  return { t, format, locale, relativeTime, formatPercent, date, dateTime, goalLabel, activitySentence };
}
