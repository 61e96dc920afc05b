import { readFile } from "node:fs/promises";
import path from "node:path";
import { resolveContentAsset } from "@/lib/content/assets";

/** Images that content files reference with relative paths (SVG is excluded: it can carry scripts). */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const asset = resolveContentAsset((await params).path);
  if (!asset) return new Response("Not found", { status: 404 });
  const contentDir = path.resolve(process.env.RECEPTIVE_CONTENT_DIR ?? path.join(process.cwd(), "content"));
  try {
    const body = await readFile(path.join(contentDir, asset.relativePath));
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": asset.contentType,
        "Cache-Control": "public, max-age=3600",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
