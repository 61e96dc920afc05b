/**
 * Messages written in English by framework-free code (lib/ services' AppErrors, zod field messages) are
 * translated where they leave the server or reach a form, not where they are raised: lib/ stays free of the
 * interface's languages, and one catalogue (messages/<locale>/server.json) maps each English message to its
 * translation. A catalogue key may hold `{name}` slots that match any text; the matched text is put into the
 * translation's slot of the same name ("Expected at most {max} characters" → "最多 {max} 个字符").
 * Unknown messages pass through in English (a unit test keeps every literal message in lib/ covered).
 */
export type MessageCatalog = Readonly<Record<string, string>>;

interface CompiledPattern {
  pattern: RegExp;
  names: string[];
  translation: string;
}

const SLOT = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
/** Not global, so `test` keeps no state between calls. */
const HAS_SLOT = /\{[A-Za-z_][A-Za-z0-9_]*\}/;
const compiled = new WeakMap<MessageCatalog, CompiledPattern[]>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function patternsOf(catalog: MessageCatalog): CompiledPattern[] {
  let patterns = compiled.get(catalog);
  if (!patterns) {
    patterns = Object.entries(catalog)
      .filter(([english]) => HAS_SLOT.test(english))
      .map(([english, translation]) => {
        const names: string[] = [];
        let source = "";
        let last = 0;
        for (const match of english.matchAll(SLOT)) {
          source += escapeRegExp(english.slice(last, match.index)) + "([\\s\\S]+?)";
          names.push(match[1]!);
          last = match.index + match[0].length;
        }
        source += escapeRegExp(english.slice(last));
        return { pattern: new RegExp(`^${source}$`), names, translation };
      })
      // More literal text first: "Expected at most {max} characters" wins over "{message}".
      .sort((a, b) => b.pattern.source.length - a.pattern.source.length);
    compiled.set(catalog, patterns);
  }
  return patterns;
}

export function translateMessage(message: string, catalog: MessageCatalog | undefined): string {
  if (!catalog) return message;
  const exact = catalog[message];
  if (exact !== undefined) return exact;
  for (const { pattern, names, translation } of patternsOf(catalog)) {
    const match = pattern.exec(message);
    if (!match) continue;
    const values = new Map(names.map((name, index) => [name, match[index + 1] ?? ""]));
    return translation.replace(SLOT, (slot, name: string) => values.get(name) ?? slot);
  }
  return message;
}

export function translateFieldErrors(
  fieldErrors: Record<string, string[]> | undefined,
  catalog: MessageCatalog | undefined,
): Record<string, string[]> | undefined {
  if (!fieldErrors || !catalog) return fieldErrors;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((message) => translateMessage(message, catalog))]));
}
