import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { exportBankZip } from "@/lib/admin/bank-transfer";
import { FORBIDDEN_MESSAGE } from "@/lib/admin/guard";
import { getCurrentUser } from "@/lib/auth/session";
import { KEY_PATTERN } from "@/lib/content/schema";
import { getDb } from "@/lib/db";
import { errorResponse, unauthenticated } from "@/lib/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// An empty `?deck=` means the whole bank, like no parameter at all.
const querySchema = z.object({
  deck: z
    .string()
    .max(100)
    .regex(KEY_PATTERN)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

/** The whole bank, or one deck with `?deck=<slug>`, as a zip in exactly the content/ folder format. Admins only. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return unauthenticated();
  if (user.role !== "ADMIN") return NextResponse.json({ error: { code: "FORBIDDEN", message: FORBIDDEN_MESSAGE } }, { status: 403 });
  const parsed = querySchema.safeParse({ deck: new URL(request.url).searchParams.get("deck") ?? undefined });
  if (!parsed.success) {
    const t = await getTranslations("adminBank.transfer");
    return NextResponse.json({ error: { code: "VALIDATION", message: t("invalidDeck") } }, { status: 400 });
  }
  try {
    const { filename, bytes } = await exportBankZip(getDb(), user.id, parsed.data.deck);
    // A copy typed as backed by a plain ArrayBuffer, which is what BodyInit accepts.
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Content-Length": String(bytes.byteLength),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
