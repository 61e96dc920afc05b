/**
 * Words for the group page: relative dates, percentages and the activity feed as sentences. Locale pinned to
 * English like lib/format.
 */
import { plural } from "@/lib/format";
import type { GroupDetail } from "@/lib/groups/service";

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
export const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
export const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "5 minutes ago", "yesterday", "in 3 days"; "just now" under a minute. */
export function relativeTime(date: Date, now: Date): string {
  const diff = date.getTime() - now.getTime();
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return "just now";
}

/** 0.923 → "92 %". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}


export function goalLabel(goal: GroupDetail["goal"]): string {
  if (!goal) return "No daily goal";
  return `${goal.kind === "REVIEWS" ? plural(goal.target, "review", "reviews") : plural(goal.target, "new card", "new cards")} a day`;
}

/** "A", "A and B", "A, B and C". */
function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function record(data: unknown): Record<string, unknown> {
  return data !== null && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/**
 * One feed entry as a sentence ("Ada joined", "Ben changed the decks to …"). People named in the entry's data are
 * looked up among the current members; someone who has left since is "a former member".
 */
export function activitySentence(entry: GroupDetail["activity"][number], nameOf: Map<string, string>): string {
  const actor = entry.actorName ?? "A former member";
  const data = record(entry.data);
  const storedName = typeof data.name === "string" ? data.name : null;
  const target = typeof data.userId === "string" ? (nameOf.get(data.userId) ?? storedName ?? "a former member") : "a member";
  switch (entry.kind) {
    case "group.create":
      return `${actor} created the group`;
    case "member.join":
      return `${actor} joined`;
    case "member.leave":
      return `${actor} left`;
    case "member.remove":
      return `${actor} removed ${target}`;
    case "member.role":
      return `${actor} made ${target} ${data.role === "MODERATOR" ? "a moderator" : "a member"}`;
    case "group.owner":
      return `${actor} handed the group to ${target}`;
    case "group.decks": {
      const decks = Array.isArray(data.decks) ? data.decks.filter((deck): deck is string => typeof deck === "string") : [];
      return decks.length === 0 ? `${actor} removed all decks from the group` : `${actor} changed the decks to ${listOf(decks)}`;
    }
    case "group.goal": {
      const target = typeof data.target === "number" ? data.target : null;
      if (data.kind === "REVIEWS" && target) return `${actor} set the daily goal to ${plural(target, "review", "reviews")}`;
      if (data.kind === "NEW_CARDS" && target) return `${actor} set the daily goal to ${plural(target, "new card", "new cards")}`;
      return `${actor} removed the daily goal`;
    }
    case "goal.met":
      return `${actor} met the daily goal`;
    default:
      return `${actor} updated the group`;
  }
}
