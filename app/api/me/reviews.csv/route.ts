import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { unauthenticated } from "@/lib/http";
import { reviewLogCsv } from "@/lib/learner-data/export";
import { textStream } from "@/lib/learner-data/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * The logged-in learner's review log as CSV, streamed as a download (columns: lib/learner-data/review-log-csv.ts).
 * The file opens with the FSRS optimiser's five columns, so it can be given to the optimiser as it is.
 */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  const today = new Date().toISOString().slice(0, 10);
  const body = textStream(reviewLogCsv(getDb(), user.id), (error) => console.error("review log export failed", error));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="receptive-reviews-${today}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
