/**
 * Reading untrusted zip uploads (a bank archive, an Anki package) with fflate. Callers decide from the central
 * directory, in `filter`, which entries to inflate (and refuse sizes, counts and names there, before a byte is
 * inflated); fflate inflates an entry into a buffer of its declared size, so an entry lying about its size is cut
 * short instead of growing without bound.
 */
import { unzipSync, type UnzipFileInfo } from "fflate";

/**
 * `unzipSync` of the entries `filter` accepts. A malformed archive becomes `notAZip()` (the caller's user-facing
 * error); an error thrown by `filter` itself (a refusal) passes through unchanged.
 */
export function unzipGuarded(bytes: Uint8Array, filter: (info: UnzipFileInfo) => boolean, notAZip: () => Error): Record<string, Uint8Array> {
  // Shorter than an end-of-central-directory record: fflate would scan backwards for 64 KB before giving up.
  if (bytes.length < 22) throw notAZip();
  let refusal: { error: unknown } | null = null;
  try {
    return unzipSync(bytes, {
      filter: (info) => {
        try {
          return filter(info);
        } catch (error) {
          refusal = { error };
          throw error;
        }
      },
    });
  } catch {
    if (refusal) throw (refusal as { error: unknown }).error;
    throw notAZip();
  }
}
