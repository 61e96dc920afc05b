"use client";

import { useMessages } from "next-intl";
import { useCallback } from "react";
import { enMessages } from "@/lib/i18n/catalogues";
import { translateMessage } from "@/lib/i18n/server-messages";

/**
 * Translates a message the server wrote in English (an API error, a zod field message checked in the browser)
 * with the `server` catalogue (lib/i18n/server-messages.ts); unknown messages stay as they are.
 */
export function useServerMessage(): (message: string) => string {
  const translated = useMessages().server as Record<string, string>;
  return useCallback((message: string) => translateMessage(message, { english: enMessages.server, translated }), [translated]);
}
