/**
 * Messages written in English by framework-free code (lib/ services' AppErrors, zod field messages) are
 * translated where they leave the server or reach a form, not where they are raised: lib/ stays free of the
 * interface's languages. The `server` namespace (messages/<locale>/server.json) gives each message an id; the
 * English catalogue holds the message as lib/ writes it, the other language its translation. An English
 * message may hold `{name}` slots that match any text; the matched text is put into the translation's slot of
 * the same name ("Expected at most {max} characters" → "最多 {max} 个字符").
 * Unknown messages pass through in English (a unit test keeps every literal message in lib/ covered).
 */
export type MessageCatalog = Readonly<Record<string, string>>;

/** The English messages and their translations, by id (the two `server` namespaces). */
export interface ServerCatalogs {
  english: MessageCatalog;
  translated: MessageCatalog;
}

interface CompiledPattern {
  pattern: RegExp;
  names: string[];
  id: string;
  /** Characters outside the slots: the more, the more specific the message. */
  literalLength: number;
}

const SLOT = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** Not global, so `test` keeps no state between calls. */
const HAS_SLOT = /\{[A-Za-z_][A-Za-z0-9_]*\}/;
const compiled = new WeakMap<MessageCatalog, { exact: Map<string, string>; patterns: CompiledPattern[] }>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(english: MessageCatalog) {
  let result = compiled.get(english);
  if (!result) {
    const exact = new Map<string, string>();
    const patterns: CompiledPattern[] = [];
    for (const [id, message] of Object.entries(english)) {
      if (!HAS_SLOT.test(message)) {
        exact.set(message, id);
        continue;
      }
      const names: string[] = [];
      let source = "";
      let last = 0;
      for (const match of message.matchAll(SLOT)) {
        source += escapeRegExp(message.slice(last, match.index)) + "([\\s\\S]+?)";
        names.push(match[1]!);
        last = match.index + match[0].length;
      }
      source += escapeRegExp(message.slice(last));
      patterns.push({ pattern: new RegExp(`^${source}$`), names, id, literalLength: message.replace(SLOT, "").length });
    }
    // More literal text first: "Expected at most {max} characters" wins over a bare "{message}".
    patterns.sort((a, b) => b.literalLength - a.literalLength);
    result = { exact, patterns };
    compiled.set(english, result);
  }
  return result;
}

export function translateMessage(message: string, catalogs: ServerCatalogs | undefined): string {
  if (!catalogs || catalogs.english === catalogs.translated) return message;
  const { exact, patterns } = compile(catalogs.english);
  const id = exact.get(message);
  if (id !== undefined) return catalogs.translated[id] ?? message;
  for (const { pattern, names, id: patternId } of patterns) {
    const match = pattern.exec(message);
    if (!match) continue;
    const translation = catalogs.translated[patternId];
    if (translation === undefined) return message;
    const values = new Map(names.map((name, index) => [name, match[index + 1] ?? ""]));
    return translation.replace(SLOT, (slot, name: string) => values.get(name) ?? slot);
  }
  return message;
}

export function translateFieldErrors(
  fieldErrors: Record<string, string[]> | undefined,
  catalogs: ServerCatalogs | undefined,
): Record<string, string[]> | undefined {
  if (!fieldErrors || !catalogs) return fieldErrors;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((message) => translateMessage(message, catalogs))]));
}
