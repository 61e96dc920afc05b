import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getOptimizerOverview } from "@/lib/fsrs-optimizer/service";
import { errorResponse, unauthenticated } from "@/lib/http";

export const dynamic = "force-dynamic";
// The optimiser's native binding runs in Node only.
export const runtime = "nodejs";

/**
 * The logged-in learner's scheduler overview: review count, whether their own parameters are in use, and their
 * latest "Optimise my scheduler" run (stage and progress while it runs, figures when done). The settings page polls
 * it while a run is going. Only ever the caller's own run: the user id comes from the session, never the request.
 */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  try {
    const overview = await getOptimizerOverview(getDb(), user.id);
    return NextResponse.json(overview, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
