import "server-only";
import { getMessages } from "next-intl/server";
import { enMessages } from "@/lib/i18n/catalogues";
import { translateFieldErrors, translateMessage, type ServerCatalogs } from "@/lib/i18n/server-messages";

/**
 * For server actions and pages that show a message lib/ wrote in English (an AppError, zod field errors):
 * translates it into the request's language with the `server` catalogue.
 */
export async function serverMessageTranslator() {
  const messages = await getMessages();
  const catalogs: ServerCatalogs = { english: enMessages.server, translated: messages.server as Record<string, string> };
  return {
    message: (message: string) => translateMessage(message, catalogs),
    fieldErrors: (fieldErrors: Record<string, string[]> | undefined) => translateFieldErrors(fieldErrors, catalogs),
  };
}
