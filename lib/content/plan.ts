/**
 * What a seed run should do, decided without touching the database: a pure function of the parsed files and
 * the questions already stored. The seeder (lib/bank/seed.ts) only carries the plan out.
 */
import type { ParsedQuestion } from "./parse";

export interface StoredQuestion {
  id: string;
  key: string;
  deckSlug: string;
  /** Hash of the file content as last seeded; null for questions created in the browser. */
  contentHash: string | null;
  /**
   * Hash of what is stored now, computed like a file's hash (`questionHash`). Equal to the incoming file's hash
   * means there is nothing to do, even after browser edits: so importing an export of the bank changes nothing.
   */
  currentHash?: string;
  /** Set when an admin edited the question in the browser after the last seed. */
  editedAt: Date | null;
  status: "ACTIVE" | "ARCHIVED";
  origin: "CONTENT" | "ADMIN";
}

export type SeedAction =
  | { type: "create"; deck: string; question: ParsedQuestion }
  | { type: "update"; deck: string; question: ParsedQuestion; id: string; forced: boolean; restored: boolean }
  | {
      type: "unchanged";
      deck: string;
      key: string;
      /**
       * Set when the file equals a browser edit (e.g. an export of it was committed): the question's content stays,
       * but it is marked as seeded from this file again, so a later change of the file is an update, not a conflict.
       */
      adopt?: { id: string; hash: string };
    }
  | { type: "conflict"; deck: string; question: ParsedQuestion; id: string }
  | { type: "archive"; deck: string; key: string; id: string };

export interface SeedPlan {
  actions: SeedAction[];
  /** Archiving is skipped when some files did not parse: their questions would look deleted. */
  archiveSkipped: boolean;
}

export interface PlanOptions {
  /** Overwrite questions edited in the browser (each overwrite records a revision). */
  force?: boolean;
  /** True when some content files had errors; then nothing is archived. */
  hasInvalidFiles?: boolean;
  /**
   * Archive only questions of these decks when their file is missing (an import of one deck's export must not
   * archive the rest of the bank). Default: every deck.
   */
  archiveDecks?: ReadonlySet<string>;
  /**
   * Mark browser-edited questions whose file now says the same as seeded from that file (`adopt`). Right for the
   * content folder the server seeds from at every start; wrong for an uploaded zip, whose files the next start
   * does not see (adopting would let the older file in content/ overwrite the edit there without a conflict).
   */
  adoptEqualFiles?: boolean;
}

export function planSeed(files: readonly ParsedQuestion[], stored: readonly StoredQuestion[], options: PlanOptions = {}): SeedPlan {
  const storedByKey = new Map(stored.map((question) => [question.key, question]));
  const actions: SeedAction[] = [];

  for (const question of files) {
    const existing = storedByKey.get(question.key);
    if (!existing) {
      actions.push({ type: "create", deck: question.deck, question });
      continue;
    }
    const fileChanged = existing.contentHash !== question.hash;
    const editedInBrowser = existing.editedAt !== null || existing.origin === "ADMIN";
    if (existing.currentHash === question.hash && existing.status === "ACTIVE") {
      // The file says exactly what is stored (e.g. the bank's own export): no content change.
      const adopt = options.adoptEqualFiles && (fileChanged || editedInBrowser) ? { adopt: { id: existing.id, hash: question.hash } } : {};
      actions.push({ type: "unchanged", deck: question.deck, key: question.key, ...adopt });
    } else if (!fileChanged && (existing.status === "ACTIVE" || editedInBrowser)) {
      // Same file as last time; a browser edit since then (including archiving it) is newer and stays.
      actions.push({ type: "unchanged", deck: question.deck, key: question.key });
    } else if (fileChanged && editedInBrowser && !options.force) {
      actions.push({ type: "conflict", deck: existing.deckSlug, question, id: existing.id });
    } else {
      actions.push({
        type: "update",
        deck: question.deck,
        question,
        id: existing.id,
        forced: editedInBrowser,
        restored: existing.status === "ARCHIVED",
      });
    }
  }

  const archiveSkipped = options.hasInvalidFiles === true;
  if (!archiveSkipped) {
    const fileKeys = new Set(files.map((question) => question.key));
    for (const question of stored) {
      // Only questions that came from files are archived when their file goes; browser-made ones stay.
      const inScope = options.archiveDecks === undefined || options.archiveDecks.has(question.deckSlug);
      if (inScope && question.origin === "CONTENT" && question.status === "ACTIVE" && !fileKeys.has(question.key)) {
        actions.push({ type: "archive", deck: question.deckSlug, key: question.key, id: question.id });
      }
    }
  }
  return { actions, archiveSkipped };
}

export interface SeedCounts {
  created: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  archived: number;
}

export function countActions(actions: readonly SeedAction[]): SeedCounts {
  const counts: SeedCounts = { created: 0, updated: 0, unchanged: 0, conflicts: 0, archived: 0 };
  for (const action of actions) {
    if (action.type === "create") counts.created++;
    else if (action.type === "update") counts.updated++;
    else if (action.type === "unchanged") counts.unchanged++;
    else if (action.type === "conflict") counts.conflicts++;
    else counts.archived++;
  }
  return counts;
}
