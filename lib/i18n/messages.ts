import { enMessages, zhHansMessages, type Messages } from "./catalogues";
import type { Locale } from "./locales";
import { deepToTraditional } from "./traditional";

let zhHantMessages: Messages | null = null;

/** The interface messages for a locale; zh-Hant is converted from zh-Hans once per process. */
export function messagesFor(locale: Locale): Messages {
  if (locale === "en") return enMessages;
  // The Chinese catalogues are checked against the English keys by a unit test; the cast only widens JSON types.
  if (locale === "zh-Hans") return zhHansMessages as unknown as Messages;
  zhHantMessages ??= deepToTraditional(zhHansMessages) as unknown as Messages;
  return zhHantMessages;
}
