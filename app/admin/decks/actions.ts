"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { createDeck, createDeckSchema, moveDeck, moveDeckSchema, updateDeck, updateDeckSchema } from "@/lib/admin/decks";
import { getDb } from "@/lib/db";
import { runAdminAction, type AdminActionState } from "../admin-action";

/** Pages that show deck titles, descriptions or order; refreshed after every deck change. */
function revalidateDecks() {
  revalidatePath("/admin/decks");
  revalidatePath("/admin/questions");
  revalidatePath("/admin/transfer");
  revalidatePath("/decks", "layout");
}

export async function createDeckAction(input: unknown): Promise<AdminActionState<{ id: string }>> {
  return runAdminAction(createDeckSchema, input, async (admin, data) => {
    const deck = await createDeck(getDb(), admin.id, data);
    revalidateDecks();
    const t = await getTranslations("adminBank.decks");
    return { ok: true, message: t("actionCreated", { title: data.title }), data: { id: deck.id } };
  });
}

export async function updateDeckAction(input: unknown): Promise<AdminActionState> {
  return runAdminAction(updateDeckSchema, input, async (admin, data) => {
    await updateDeck(getDb(), admin.id, data);
    revalidateDecks();
    const t = await getTranslations("adminBank.decks");
    return { ok: true, message: t("actionSaved", { title: data.title }) };
  });
}

export async function moveDeckAction(input: unknown): Promise<AdminActionState> {
  return runAdminAction(moveDeckSchema, input, async (admin, data) => {
    await moveDeck(getDb(), admin.id, data);
    revalidateDecks();
    const t = await getTranslations("adminBank.decks");
    return { ok: true, message: data.direction === "up" ? t("actionMovedUp") : t("actionMovedDown") };
  });
}
