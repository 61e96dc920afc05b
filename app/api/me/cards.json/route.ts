import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { unauthenticated } from "@/lib/http";
import { cardStatesJson } from "@/lib/learner-data/export";
import { textStream } from "@/lib/learner-data/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The logged-in learner's cards and their scheduling state as JSON, streamed as a download (format: `cardStatesJson`). */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  const now = new Date();
  const body = textStream(cardStatesJson(getDb(), user.id, { now }), (error) => console.error("card state export failed", error));
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="receptive-cards-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
