/**
 * The zip layer of an Anki package (.apkg): find the SQLite collection inside it and inflate that one entry, with
 * the same precautions lib/content/archive.ts takes for a content zip. Everything is decided from the central
 * directory (names, declared sizes, compression) before a byte is inflated, and fflate inflates a deflated entry
 * into a buffer of exactly its declared size, so an entry that lies about its size is cut short instead of
 * growing without bound: a zip bomb costs at most the declared size, which is checked first. Media files and
 * everything else in the package are never inflated.
 *
 * Malformed archives and refusals are told apart by lib/zip.ts, which lib/content/archive.ts uses too.
 */
import type { UnzipFileInfo } from "fflate";
import { unzipGuarded } from "../zip";
import { formatMegabytes } from "../format";
import { ApkgError } from "./errors";

/** Largest package accepted, checked before anything is read (server actions accept 32 MB bodies). */
export const MAX_PACKAGE_BYTES = 30 * 1024 * 1024;
/**
 * Largest collection (the SQLite file, uncompressed) accepted. sql.js holds it twice while reading (the bytes and
 * the WASM heap copy); 5,000 notes of text need a few megabytes, so this leaves room for exports that include
 * scheduling history.
 */
export const MAX_COLLECTION_BYTES = 100 * 1024 * 1024;
/** Most zip entries listed: a package is the collection, a media index and one entry per media file. */
export const MAX_PACKAGE_ENTRIES = 100_000;

/** The legacy collections, newest first: Anki 2.1.x writes both, and the `.anki2` beside an `.anki21` is a stub. */
export const LEGACY_COLLECTIONS = ["collection.anki21", "collection.anki2"] as const;
export type LegacyCollectionName = (typeof LEGACY_COLLECTIONS)[number];
/** The zstd-compressed collection of Anki 2.1.50+ exports without "Support older Anki versions". */
export const NEWER_COLLECTION = "collection.anki21b";

export const NEWER_FORMAT_MESSAGE =
  "This package was exported in the newer Anki format, which cannot be read here. In Anki, choose File › Export, pick “Anki Deck Package (.apkg)”, tick “Support older Anki versions (slower/larger files)” and import that file instead.";

export interface PackageCollection {
  /** Which entry was read. */
  name: LegacyCollectionName;
  /** The SQLite file. */
  bytes: Uint8Array;
}

/**
 * The collection of an .apkg: `collection.anki21` when present, else `collection.anki2`. Throws {@link ApkgError}
 * for a file over {@link MAX_PACKAGE_BYTES}, something that is not a zip, a package with only the newer
 * `collection.anki21b` (its `collection.anki2`, if any, is Anki's "please update" placeholder, so it is not read),
 * no collection at all, an unsupported compression method, or a collection over {@link MAX_COLLECTION_BYTES}.
 */
export function extractCollection(bytes: Uint8Array): PackageCollection {
  if (bytes.byteLength > MAX_PACKAGE_BYTES) {
    throw new ApkgError("too-large", `The file is ${formatMegabytes(bytes.byteLength)}; packages of at most ${formatMegabytes(MAX_PACKAGE_BYTES)} can be imported. Export fewer cards, or leave out media.`);
  }
  const entries = listEntries(bytes);
  const chosen = LEGACY_COLLECTIONS.map((name) => entries.get(name)).find((entry) => entry !== undefined);
  if (entries.has(NEWER_COLLECTION) && !entries.has("collection.anki21")) throw new ApkgError("newer-format", NEWER_FORMAT_MESSAGE);
  if (!chosen) throw new ApkgError("no-collection", "The file is a zip but not an Anki package: it has no collection.anki2 or collection.anki21. Export the deck from Anki as an “Anki Deck Package (.apkg)”.");
  // fflate reads stored (0) and deflate (8) entries only.
  if (chosen.compression !== 0 && chosen.compression !== 8) {
    throw new ApkgError("unsupported-compression", "The package uses a compression method this importer cannot read. Export it again from Anki.");
  }
  const size = Math.max(chosen.size, chosen.originalSize);
  if (size > MAX_COLLECTION_BYTES) {
    throw new ApkgError("collection-too-large", `The package's collection unpacks to ${formatMegabytes(size)}; at most ${formatMegabytes(MAX_COLLECTION_BYTES)} can be imported. Export without scheduling information, or fewer cards.`);
  }
  const name = chosen.name as LegacyCollectionName;
  const inflated = unzipGuarded(bytes, (info) => info.name === name, notAZip)[name];
  if (!inflated) throw notAZip();
  return { name, bytes: inflated };
}

/** The central directory by entry name; nothing is inflated (the filter says no to every entry). */
function listEntries(bytes: Uint8Array): Map<string, UnzipFileInfo> {
  const entries = new Map<string, UnzipFileInfo>();
  let count = 0;
  unzipGuarded(bytes, (info) => {
    count++;
    if (count > MAX_PACKAGE_ENTRIES) throw new ApkgError("too-many-entries", `The package has more than ${MAX_PACKAGE_ENTRIES.toLocaleString("en-US")} files; export it without media.`);
    // Only exact top-level names are ever looked up, so no other entry name matters (nothing is written to disk).
    // A name listed twice is ambiguous: the first one wins, as in Anki's own importer.
    if (!entries.has(info.name)) entries.set(info.name, info);
    return false;
  }, notAZip);
  return entries;
}

function notAZip(): ApkgError {
  return new ApkgError("not-a-zip", "The file is not a valid Anki package (.apkg files are zip archives). Export the deck from Anki again.");
}
