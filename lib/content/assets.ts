/**
 * Which files under content/ may be served as images to the browser: image extensions only, no hidden files,
 * no path traversal. Returns the safe relative path and its content type, or null.
 */
const IMAGE_TYPES: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

export function resolveContentAsset(segments: readonly string[]): { relativePath: string; contentType: string } | null {
  if (segments.length < 2 || segments.length > 6) return null;
  for (const segment of segments) {
    // Letters, digits, dot, dash and underscore only; no ".", "..", hidden files or encoded separators.
    if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/.test(segment) || segment.includes("..")) return null;
  }
  const name = segments.at(-1)!.toLowerCase();
  const extension = name.slice(name.lastIndexOf("."));
  const contentType = IMAGE_TYPES[extension];
  if (!contentType) return null;
  return { relativePath: segments.join("/"), contentType };
}
