import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse, readJson, unauthenticated } from "@/lib/http";
import { recordGoalsMetAfterReview } from "@/lib/groups/goals";
import { loadStudySettings } from "@/lib/study/settings";
import { submitReview } from "@/lib/study/service";

export const dynamic = "force-dynamic";

/** Submits one review: `{ clientRequestId, questionId, cardVersion, rating, ... }` (see lib/study/service.ts). */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  const body = await readJson(request);
  if (!body.ok) return body.response;
  try {
    const db = getDb();
    const settings = await loadStudySettings(db, user.id);
    const outcome = await submitReview(db, user.id, body.value, settings);
    if (!outcome.duplicate) await recordGoalsMetAfterReview(db, user.id, settings);
    return NextResponse.json(outcome, { status: outcome.duplicate ? 200 : 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
