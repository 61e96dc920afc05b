"use client";

import { useMessages } from "next-intl";
import { useCallback } from "react";
import { translateMessage } from "@/lib/i18n/server-messages";

/**
 * Translates a message the server wrote in English (an API error, a zod field message checked in the browser)
 * with the server catalogue (messages/<locale>/server.json); unknown messages stay as they are.
 */
export function useServerMessage(): (message: string) => string {
  const catalog = useMessages().server as Record<string, string>;
  return useCallback((message: string) => translateMessage(message, catalog), [catalog]);
}
