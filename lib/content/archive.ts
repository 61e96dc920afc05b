/**
 * A question bank as a zip of its content folder: export (`exportBankFiles` + `packContentZip`) and import
 * (`unpackContentZip`, then `loadContentFromFiles`). An uploaded archive is untrusted: every entry name and
 * declared size is checked before anything is inflated, so a zip bomb or a path like `../x` is refused cheaply
 * with a `ContentArchiveError` whose message can be shown to the user as is.
 */
import { strToU8, zipSync, type UnzipFileInfo, type Zippable } from "fflate";
import { unzipGuarded } from "../zip";
import { DECKS_FILE, isQuestionFilePath } from "./load";
import { KEY_PATTERN, type DeckDefinition } from "./schema";
import { serializeDecksFile, serializeQuestionFile, type QuestionFileInput } from "./serialize";

/** The folder every entry of an exported archive sits in. */
export const ARCHIVE_ROOT = "content";

export interface ArchiveLimits {
  /** Most entries (files and folders, ignored ones included). */
  maxEntries: number;
  /** Most bytes of all extracted files together, uncompressed. */
  maxTotalBytes: number;
  /** Most bytes of one extracted file, uncompressed. */
  maxFileBytes: number;
}

// 20,000 entries: a 10,000-question bank (the size the admin list is built for) with room for its decks' assets.
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxEntries: 20_000, maxTotalBytes: 50 * 1024 * 1024, maxFileBytes: 2 * 1024 * 1024 };

export type ContentArchiveProblem = "not-a-zip" | "too-many-entries" | "too-large" | "file-too-large" | "unsafe-path" | "duplicate-path" | "unsupported" | "not-text";

/** Why an archive was refused; `message` is written for the person who uploaded it. */
export class ContentArchiveError extends Error {
  readonly problem: ContentArchiveProblem;

  constructor(problem: ContentArchiveProblem, message: string) {
    super(message);
    this.name = "ContentArchiveError";
    this.problem = problem;
  }
}

export interface UnpackedContent {
  /** Relative POSIX paths (`decks.yml`, `<deck>/<name>.md`) to file text, ready for `loadContentFromFiles`. */
  files: Map<string, string>;
  /** Files of the archive that were skipped (README, hidden, other types, or not where content files go), sorted. */
  ignored: string[];
}

/** The files of a bank: `decks.yml` and `<deck>/<key>.md` per question (the real bank's naming), sorted by path. */
export function exportBankFiles(decks: DeckDefinition[], questions: QuestionFileInput[]): Map<string, string> {
  const entries: Array<[string, string]> = [[DECKS_FILE, serializeDecksFile(decks)]];
  const seen = new Set<string>();
  for (const question of questions) {
    // Keys and slugs are kebab-case once validated; checked again because they become paths.
    if (!KEY_PATTERN.test(question.deck) || !KEY_PATTERN.test(question.key)) throw new Error(`cannot export "${question.deck}/${question.key}": deck and key must be kebab-case`);
    const file = `${question.deck}/${question.key}.md`;
    if (seen.has(file)) throw new Error(`cannot export two questions with the key "${question.key}"`);
    seen.add(file);
    entries.push([file, serializeQuestionFile(question)]);
  }
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Zips files under `content/`, deterministically: entries in path order, a fixed timestamp, fixed compression. */
export function packContentZip(files: ReadonlyMap<string, string>): Uint8Array {
  // Zip stores local time and fflate reads the Date's local parts, so a Date built from local parts (per call, in
  // case TZ changes) gives the same bytes in every time zone. Noon of 1980-01-01, the first zip date, stays
  // inside fflate's 1980-2099 range whatever the zone's offset.
  const options = { level: 9, mtime: new Date(1980, 0, 1, 12, 0, 0) } as const;
  const zippable: Zippable = {};
  for (const file of [...files.keys()].sort()) zippable[`${ARCHIVE_ROOT}/${file}`] = [strToU8(files.get(file) ?? ""), options];
  return zipSync(zippable, options);
}

interface Entry {
  info: UnzipFileInfo;
  /** Path segments without empty or `.` segments. */
  segments: string[];
  isDirectory: boolean;
}

/**
 * Reads an uploaded archive of a content folder (zipped itself or its contents: one common top-level folder is
 * stripped). Throws `ContentArchiveError` for anything unsafe or malformed; only content files are inflated.
 */
export function unpackContentZip(bytes: Uint8Array, limits: Partial<ArchiveLimits> = {}): UnpackedContent {
  const limit: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS, ...limits };
  const entries = listEntries(bytes, limit);
  const wrapper = commonFolder(entries);
  const wanted = new Map<string, string>();
  const seen = new Set<string>();
  const ignored: string[] = [];
  let total = 0;
  for (const entry of entries) {
    if (entry.isDirectory) continue;
    const segments = wrapper !== null && entry.segments[0] === wrapper ? entry.segments.slice(1) : entry.segments;
    const file = segments.join("/");
    if (!isContentFile(segments)) {
      ignored.push(file);
      continue;
    }
    if (seen.has(file)) throw new ContentArchiveError("duplicate-path", `The archive contains "${file}" twice.`);
    seen.add(file);
    checkCompression(entry.info);
    const size = declaredSize(entry.info);
    if (size > limit.maxFileBytes) throw new ContentArchiveError("file-too-large", `"${file}" is larger than ${formatSize(limit.maxFileBytes)}, the limit for one file.`);
    total += size;
    if (total > limit.maxTotalBytes) throw new ContentArchiveError("too-large", `The archive unpacks to more than ${formatSize(limit.maxTotalBytes)}, the limit for a question bank.`);
    wanted.set(entry.info.name, file);
  }
  return { files: extract(bytes, wanted), ignored: ignored.sort() };
}

/** Reads the central directory only (nothing is inflated: the filter says no to every entry) and checks each name. */
function listEntries(bytes: Uint8Array, limit: ArchiveLimits): Entry[] {
  const entries: Entry[] = [];
  unzipGuarded(bytes, (info) => {
    if (entries.length >= limit.maxEntries) {
      throw new ContentArchiveError("too-many-entries", `The archive has more than ${limit.maxEntries.toLocaleString("en-US")} entries, the limit for a question bank.`);
    }
    entries.push({ info, segments: safeSegments(info.name), isDirectory: info.name.endsWith("/") });
    return false;
  }, notAZip);
  return entries;
}

/** Inflates the chosen entries (their sizes are checked already) and decodes them as strict UTF-8. */
function extract(bytes: Uint8Array, wanted: ReadonlyMap<string, string>): Map<string, string> {
  const raw = unzipGuarded(bytes, (info) => wanted.has(info.name), notAZip);
  // fflate's strFromU8 would replace invalid bytes silently; a fatal decoder reports them.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const files = new Map<string, string>();
  for (const [name, file] of [...wanted].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let text: string;
    try {
      text = decoder.decode(raw[name] ?? new Uint8Array(0));
    } catch {
      throw new ContentArchiveError("not-text", `"${file}" is not UTF-8 text. Save it as UTF-8 and zip the folder again.`);
    }
    // PostgreSQL text cannot hold NUL, and no Markdown or YAML file needs it: a binary file with a text name.
    if (text.includes("\0")) throw new ContentArchiveError("not-text", `"${file}" contains a NUL byte; it does not look like a text file.`);
    files.set(file, text);
  }
  return files;
}

function notAZip(): ContentArchiveError {
  return new ContentArchiveError("not-a-zip", "The file is not a valid zip archive. Upload a .zip of the content folder.");
}

/** The path segments of an entry name, or a refusal for names that could escape the folder or confuse a file system. */
function safeSegments(name: string): string[] {
  const refuse = (why: string) => new ContentArchiveError("unsafe-path", `The archive contains an unsafe path (${why}): "${name.replace(/\0/g, "\\0")}".`);
  if (name.includes("\0")) throw refuse("a NUL byte");
  if (name.includes("\\")) throw refuse("a backslash; paths in a zip use /");
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) throw refuse("an absolute path");
  const segments = name.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) throw refuse("a .. segment");
  if (segments.length === 0) throw refuse("an empty name");
  return segments;
}

/** Hidden files and folders (`.DS_Store`, `.git/`) and macOS's `__MACOSX/` resource forks are never content. */
function isHidden(segments: readonly string[]): boolean {
  return segments.some((segment) => segment.startsWith(".") || segment === "__MACOSX");
}

/**
 * The top-level folder to strip when every visible entry sits in it (a zip of the `content` folder itself), else
 * null (a zip of its contents). Hidden entries do not count: macOS adds `__MACOSX/` beside the folder.
 */
function commonFolder(entries: readonly Entry[]): string | null {
  const visible = entries.filter((entry) => !isHidden(entry.segments));
  const first = visible[0]?.segments[0];
  if (first === undefined) return null;
  const inside = (entry: Entry) => entry.segments[0] === first && (entry.isDirectory || entry.segments.length > 1);
  return visible.every(inside) ? first : null;
}

/** `decks.yml`, or a question file where `loadContentFromFiles` looks for one; anything else would be dropped there. */
function isContentFile(segments: readonly string[]): boolean {
  if (isHidden(segments)) return false;
  const file = segments.join("/");
  return file === DECKS_FILE || isQuestionFilePath(file);
}

/** The bytes an entry can unpack to: stored entries are copied (compressed size), deflated ones fill `originalSize`. */
function declaredSize(info: UnzipFileInfo): number {
  return Math.max(info.size, info.originalSize);
}

function checkCompression(info: UnzipFileInfo): void {
  // fflate reads stored (0) and deflate (8) entries only.
  if (info.compression !== 0 && info.compression !== 8) {
    throw new ContentArchiveError("unsupported", `"${info.name}" uses a compression method this importer cannot read; zip the folder again with standard (deflate) compression.`);
  }
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
