/**
 * Importing an Anki package into a learner's own personal deck: a dry run that reports what would be created and
 * what is left out, and the import itself, which reads the package again (a report from the browser is never
 * trusted) and writes one new Deck owned by the learner with its FLASHCARD questions in one transaction.
 *
 * Re-importing: every card's key is derived from the learner, the note's Anki id and the card ordinal, so a card
 * that was imported before is recognised and skipped ("already imported", with the deck it is in). An updated copy
 * of a deck therefore brings only its new cards, in a new deck; a package with nothing new is refused with a
 * CONFLICT naming the deck it was imported into.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { refreshBankOrder } from "@/lib/bank/order";
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";
import { readApkg } from "./apkg";
import { convertCollection, excerpt, type Conversion, type FlashcardDraft, type NoteTypeSummary, type RemovedMedia, type SkipGroup } from "./convert";
import { ApkgError } from "./errors";

/** Deck titles follow the content format's limit. */
export const DECK_TITLE_MAX_CHARACTERS = 120;
/** Longest file name kept for the report and the deck description. */
export const FILE_NAME_MAX_CHARACTERS = 100;
/** The middle of the 1..5 scale, as for CSV imports. */
export const IMPORT_DIFFICULTY = 3;
/** Rows per INSERT, well under PostgreSQL's 65,535 bind parameters (about ten per question). */
const INSERT_CHUNK = 1_000;

export interface ApkgUpload {
  /** The name the browser gave the file (any path is dropped). */
  fileName: string;
  bytes: Uint8Array;
}

export interface ApkgImportReport {
  fileName: string;
  /** Title of the deck the import creates (or created). */
  deckTitle: string;
  /** Notes in the package. */
  notes: number;
  /** Flashcards the import creates (dry run) or created. */
  cards: number;
  /** Cards left out because the learner imported them before. */
  alreadyImported: number;
  noteTypes: NoteTypeSummary[];
  /** Everything left out, grouped by reason ("already imported" included). */
  skipped: SkipGroup[];
  removedMedia: RemovedMedia;
  /** The deck created; null for a dry run. */
  deck: { slug: string; title: string } | null;
}

interface Prepared {
  report: ApkgImportReport;
  cards: FlashcardDraft[];
  /** Decks holding the already-imported cards, for the refusal message. */
  previousDecks: string[];
}

/** The dry run: reads and converts the package and compares it with what the learner imported before. Writes nothing. */
export async function previewApkgImport(db: Db, userId: string, upload: ApkgUpload): Promise<ApkgImportReport> {
  return (await prepare(db, userId, upload)).report;
}

/**
 * Creates the personal deck and its flashcards, refreshes the bank order, and adds the deck to the learner's study
 * selection when they have one (otherwise they study every deck, this one included). Throws a VALIDATION AppError
 * when nothing can be imported, and a CONFLICT when everything was imported before.
 */
export async function importApkg(db: Db, userId: string, upload: ApkgUpload): Promise<ApkgImportReport> {
  const { report, cards, previousDecks } = await prepare(db, userId, upload);
  if (cards.length === 0) {
    if (report.alreadyImported > 0) {
      const where = previousDecks.length > 0 ? ` Its cards are in ${previousDecks.map((title) => `“${title}”`).join(", ")}.` : "";
      throw new AppError("CONFLICT", `You have already imported this package.${where}`);
    }
    const reasons = report.skipped.slice(0, 3).map((group) => group.reason);
    throw new AppError("VALIDATION", `Nothing in this package can be imported${reasons.length > 0 ? `: ${reasons.join("; ")}` : ": it has no notes"}.`);
  }
  const slug = await freeSlug(db);
  try {
    await db.$transaction(
      async (tx) => {
        const deck = await tx.deck.create({
          data: { slug, title: report.deckTitle, description: `Imported from the Anki package “${report.fileName}”.`, ownerId: userId },
          select: { id: true },
        });
        for (let start = 0; start < cards.length; start += INSERT_CHUNK) {
          await tx.question.createMany({
            data: cards.slice(start, start + INSERT_CHUNK).map((card) => ({
              key: card.key,
              deckId: deck.id,
              kind: "FLASHCARD" as const,
              title: card.title,
              prompt: card.prompt,
              answer: card.answer,
              explanation: card.explanation,
              tags: card.tags,
              difficulty: IMPORT_DIFFICULTY,
              // Made outside content/: the seed never adopts, updates or archives such questions.
              origin: "ADMIN" as const,
            })),
          });
        }
        // An empty selection means "every deck"; a learner who picked decks would otherwise never see this one.
        if ((await tx.studyDeck.count({ where: { userId } })) > 0) await tx.studyDeck.create({ data: { userId, deckId: deck.id } });
        await refreshBankOrder(tx, [deck.id]);
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    // The same package imported twice at once (two tabs): the second one's keys are taken by the first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "This package was just imported (perhaps in another tab). Reload the page to see the deck.");
    }
    throw error;
  }
  return { ...report, deck: { slug, title: report.deckTitle } };
}

async function prepare(db: Db, userId: string, upload: ApkgUpload): Promise<Prepared> {
  const fileName = cleanFileName(upload.fileName);
  let conversion: Conversion;
  let deckName: string | null;
  try {
    const collection = await readApkg(upload.bytes);
    deckName = collection.deckName;
    conversion = convertCollection(collection, { keyPrefix: keyPrefixFor(userId) });
  } catch (error) {
    if (error instanceof ApkgError) throw new AppError("VALIDATION", error.message);
    throw error;
  }

  const existing = await db.question.findMany({
    where: { key: { in: conversion.cards.map((card) => card.key) } },
    select: { key: true, deck: { select: { title: true, ownerId: true } } },
  });
  const previous = new Map(existing.map((row) => [row.key, row.deck.ownerId === userId ? row.deck.title : null]));
  const cards = conversion.cards.filter((card) => !previous.has(card.key));
  const previousDecks = [...new Set([...previous.values()].filter((title): title is string => title !== null))];
  const skipped: SkipGroup[] = [...conversion.skipped];
  if (previous.size > 0) {
    const examples = conversion.cards.filter((card) => previous.has(card.key)).slice(0, 3).map((card) => card.title);
    skipped.unshift({ reason: previousDecks.length > 0 ? `already imported (in ${previousDecks.map((title) => `“${title}”`).join(", ")})` : "already imported", unit: "card", count: previous.size, examples });
  }
  const noteTypes = conversion.noteTypes.map((type) => ({ ...type, cards: type.cards - conversion.cards.filter((card) => card.noteTypeId === type.id && previous.has(card.key)).length }));

  return {
    report: {
      fileName,
      deckTitle: deckTitleFor(deckName, fileName),
      notes: conversion.notes,
      cards: cards.length,
      alreadyImported: previous.size,
      noteTypes: previous.size > 0 ? noteTypes : conversion.noteTypes,
      skipped,
      removedMedia: conversion.removedMedia,
      deck: null,
    },
    cards,
    previousDecks,
  };
}

/** `anki-` and 8 hex digits of SHA-256 of the learner's id: keys differ per learner without showing the id. */
export function keyPrefixFor(userId: string): string {
  return `anki-${createHash("sha256").update(userId, "utf8").digest("hex").slice(0, 8)}`;
}

/** `my-` and 10 random hex digits, checked against existing decks (a clash is unlikely, but slugs are global). */
async function freeSlug(db: Db): Promise<string> {
  for (;;) {
    const slug = `my-${randomBytes(5).toString("hex")}`;
    if (!(await db.deck.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

/** The file name without any folder, control characters or surrounding space, shortened; "package.apkg" if nothing is left. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return excerpt(clean, FILE_NAME_MAX_CHARACTERS) || "package.apkg";
}

/** The Anki deck's name, else the file name without `.apkg`, else "Anki import"; at most {@link DECK_TITLE_MAX_CHARACTERS}. */
export function deckTitleFor(deckName: string | null, fileName: string): string {
  const fromFile = fileName.replace(/\.apkg$/i, "").replace(/[_]+/g, " ").trim();
  // PostgreSQL text cannot hold NUL, and no title needs control characters.
  const fromDeck = (deckName ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return excerpt(fromDeck || fromFile || "Anki import", DECK_TITLE_MAX_CHARACTERS);
}
