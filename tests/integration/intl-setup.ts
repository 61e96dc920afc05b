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

// Actions that set a cookie (the interface language) run outside a request too: an in-memory cookie jar and
// no request headers stand in for Next's request scope.
vi.mock("next/headers", () => {
  const jar = new Map<string, { name: string; value: string }>();
  return {
    cookies: async () => ({
      get: (name: string) => jar.get(name),
      getAll: () => [...jar.values()],
      has: (name: string) => jar.has(name),
      set: (name: string, value: string) => void jar.set(name, { name, value }),
      delete: (name: string) => void jar.delete(name),
    }),
    headers: async () => new Headers(),
  };
});
