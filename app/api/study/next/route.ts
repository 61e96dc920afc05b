import { NextResponse } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { errorResponse, unauthenticated } from "@/lib/http";
import { loadStudySettings } from "@/lib/study/settings";
import { getNextStudyCard } from "@/lib/study/service";

export const dynamic = "force-dynamic";

const querySchema = z.object({ deck: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100).optional() });

/** The next card of the learner's queue (JSON twin of the study page's server action, for API clients). */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return NextResponse.json({ error: { code: "VALIDATION", message: "Invalid deck." } }, { status: 422 });
  try {
    const db = getDb();
    const settings = await loadStudySettings(db, user.id);
    const result = await getNextStudyCard(db, user.id, settings, new Date(), parsed.data.deck);
    return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
