/**
 * Server actions and route handlers called directly by the integration tests run outside a Next.js request, so
 * next-intl's request config (i18n/request.ts) cannot run. They get the real English catalogue instead, through
 * the same translator next-intl builds, so the tests see the messages a browser in English would.
 */
import { vi } from "vitest";

vi.mock("next-intl/server", async () => {
  const { createTranslator, createFormatter } = await import("next-intl");
  const { messagesFor } = await import("@/lib/i18n/messages");
  const locale = "en" as const;
  const messages = messagesFor(locale);
  const namespaceOf = (options?: string | { namespace?: string }) => (typeof options === "string" ? options : options?.namespace);
  return {
    getTranslations: async (options?: string | { namespace?: string }) =>
      createTranslator({ locale, messages, namespace: namespaceOf(options) as never }),
    getFormatter: async () => createFormatter({ locale, timeZone: "UTC" }),
    getLocale: async () => locale,
    getMessages: async () => messages,
    getNow: async () => new Date(),
    getTimeZone: async () => "UTC",
  };
});
