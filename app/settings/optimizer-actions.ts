"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getOptimizerOverview, resetFsrsParameters, startOptimizerRun, type OptimizerOverview } from "@/lib/fsrs-optimizer/service";
import { runUserAction, type ActionState } from "../user-action";

/** Both actions are buttons without fields: any argument a forged POST sends is refused by the schema. */
const noInput = z.undefined();

/**
 * Starts "Optimise my scheduler" and returns at once with the RUNNING run; training goes on in this server process
 * and the page polls GET /api/optimizer for progress. Refusals (under 400 reviews, a run already going) come back
 * as the message.
 */
export async function startOptimizerAction(input?: unknown): Promise<ActionState<OptimizerOverview>> {
  return runUserAction(noInput, input, async (user) => {
    const db = getDb();
    const started = await startOptimizerRun(db, user.id);
    // Not awaited on purpose: `finished` settles when training is over and never rejects (failures are stored).
    void started.finished;
    const t = await getTranslations("settings.optimizer");
    return { ok: true, message: t("startedMessage"), data: await getOptimizerOverview(db, user.id) };
  });
}

/** Puts the learner back on ts-fsrs's default FSRS parameters (refused while a run is going). */
export async function resetFsrsParametersAction(input?: unknown): Promise<ActionState<OptimizerOverview>> {
  return runUserAction(noInput, input, async (user) => {
    const db = getDb();
    await resetFsrsParameters(db, user.id);
    revalidatePath("/settings");
    const t = await getTranslations("settings.optimizer");
    return { ok: true, message: t("resetMessage"), data: await getOptimizerOverview(db, user.id) };
  });
}
