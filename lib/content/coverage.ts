/**
 * How much of the bank each language covers: per deck, the questions whose translation is current, stale
 * (made from an older English version) or missing. English is the source, so it always covers everything.
 */
import type { ParsedQuestion } from "./parse";
import { TRANSLATION_LANGUAGES, englishFingerprint, isStale, type TranslationLanguage } from "./translations";

export interface LanguageCoverage {
  language: TranslationLanguage;
  deck: string;
  total: number;
  current: number;
  stale: Array<{ file: string; fingerprint: string }>;
  missing: string[];
}

export function translationCoverage(questions: ParsedQuestion[]): LanguageCoverage[] {
  const rows: LanguageCoverage[] = [];
  const decks = [...new Set(questions.map((question) => question.deck))].sort();
  for (const language of TRANSLATION_LANGUAGES) {
    for (const deck of decks) {
      const row: LanguageCoverage = { language, deck, total: 0, current: 0, stale: [], missing: [] };
      for (const question of questions.filter((candidate) => candidate.deck === deck)) {
        row.total++;
        const translation = question.translations[language];
        if (!translation) row.missing.push(question.file);
        else if (isStale(question, translation)) row.stale.push({ file: question.file, fingerprint: englishFingerprint(question) });
        else row.current++;
      }
      rows.push(row);
    }
  }
  return rows;
}
