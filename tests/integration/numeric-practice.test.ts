/**
 * Numeric practice through the service the server actions call: the server picks and stores the seed, the
 * served prompt never carries the answer, and a submission is checked against the stored instance exactly once.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedQuestionBank } from "@/lib/bank/seed";
import { loadContent } from "@/lib/content/load";
import { pickNumericQuestion, serveNumericQuestion, submitNumericAnswer } from "@/lib/practice/numeric";
import { clearQuestionBank, createUser, expectAppError, testDb } from "./helpers";

const db = testDb();
let dir = "";
let questionId = "";

const FIXED = `---
key: it-num-conv-params
deck: it-numeric
kind: numeric
title: Parameters of a 3×3 convolution
tags: [parameter-count]
difficulty: 2
template:
  variables:
    k: { choices: [3] }
    c_in: { choices: [64] }
    c_out: { choices: [128] }
    w: { derive: "k * k * c_in * c_out" }
  answer: "convParams({kernel: k, inChannels: c_in, outChannels: c_out})"
  tolerance: { type: exact }
  unit: parameters
  mistakes:
    - when: "w"
      feedback: "You left out the {{c_out}} biases."
  solution: |
    $$ {{k}} \\cdot {{k}} \\cdot {{c_in}} \\cdot {{c_out}} + {{c_out}} = {{answer}} $$
---
## Prompt
A convolution has {{k}}×{{k}} kernels, {{c_in}} input channels and {{c_out}} output channels, with bias. How many parameters?

## Answer
{{answer}} parameters.

## Explanation
Each output channel has one k×k×c_in filter and one bias.
`;


beforeAll(async () => {
  await clearQuestionBank(db);
  dir = await mkdtemp(path.join(tmpdir(), "receptive-numeric-"));
  await writeFile(path.join(dir, "decks.yml"), "- slug: it-numeric\n  title: Numeric\n  order: 1\n");
  await mkdir(path.join(dir, "it-numeric"));
  await writeFile(path.join(dir, "it-numeric", "conv.md"), FIXED);
  const content = await loadContent(dir);
  expect(content.issues).toEqual([]);
  await seedQuestionBank(db, content);
  questionId = (await db.question.findUniqueOrThrow({ where: { key: "it-num-conv-params" } })).id;
});

afterAll(async () => {
  await db.$disconnect();
  await rm(dir, { recursive: true, force: true });
});

describe("numeric practice", () => {
  // \`w\` derives from earlier variables and has the shortest name, so jsonb stores it first: the service must
  // still draw the variables in file order.
  it("serves a prompt with the instance's numbers, stores the seed, and leaks no answer", async () => {
    const { user } = await createUser(db);
    const served = await serveNumericQuestion(db, user.id, questionId);
    expect(served.prompt).toContain("3×3 kernels, 64 input channels and 128 output channels");
    // 3·3·64·128 + 128 = 73,856 must not be anywhere in what the client receives.
    expect(JSON.stringify(served)).not.toMatch(/73,?856/);
    const attempt = await db.numericAttempt.findUniqueOrThrow({ where: { id: served.attemptId } });
    expect(attempt.userId).toBe(user.id);
    expect(attempt.answeredAt).toBeNull();
    expect(Number.isInteger(attempt.seed)).toBe(true);
  });

  it("accepts the right answer in any common form, once", async () => {
    const { user } = await createUser(db);
    for (const form of ["73856", "73,856", "7.3856e4", "3*3*64*128+128", "73856 parameters"]) {
      const served = await serveNumericQuestion(db, user.id, questionId);
      const result = await submitNumericAnswer(db, user.id, { attemptId: served.attemptId, answer: form });
      expect(result).toMatchObject({ ok: true, verdict: "correct", correctAnswer: 73856 });
    }
  });

  it("recognises the forgotten-bias mistake with its feedback, and grades a far-off number as incorrect", async () => {
    const { user } = await createUser(db);
    const first = await serveNumericQuestion(db, user.id, questionId);
    // 3·3·64·128 = 73,728: the weights without the biases.
    const mistake = await submitNumericAnswer(db, user.id, { attemptId: first.attemptId, answer: "73728" });
    expect(mistake).toMatchObject({ ok: true, verdict: "mistake", feedback: "You left out the 128 biases." });
    if (mistake.ok) expect(mistake.solution).toContain("73856");

    const second = await serveNumericQuestion(db, user.id, questionId);
    expect(await submitNumericAnswer(db, user.id, { attemptId: second.attemptId, answer: "12" })).toMatchObject({ ok: true, verdict: "incorrect" });
    const stored = await db.numericAttempt.findUniqueOrThrow({ where: { id: second.attemptId } });
    expect(stored).toMatchObject({ correct: false, answerGiven: "12" });
  });

  it("does not count unparseable input: the same attempt can then be answered", async () => {
    const { user } = await createUser(db);
    const served = await serveNumericQuestion(db, user.id, questionId);
    const unparseable = await submitNumericAnswer(db, user.id, { attemptId: served.attemptId, answer: "about seventy thousand" });
    expect(unparseable.ok).toBe(false);
    expect((await db.numericAttempt.findUniqueOrThrow({ where: { id: served.attemptId } })).answeredAt).toBeNull();
    expect(await submitNumericAnswer(db, user.id, { attemptId: served.attemptId, answer: "73856" })).toMatchObject({ ok: true, verdict: "correct" });
  });

  it("rejects a replayed attempt and another learner's attempt without changing them", async () => {
    const { user } = await createUser(db);
    const { user: other } = await createUser(db);
    const served = await serveNumericQuestion(db, user.id, questionId);

    const stolen = await expectAppError(submitNumericAnswer(db, other.id, { attemptId: served.attemptId, answer: "73856" }));
    expect(stolen.code).toBe("NOT_FOUND");
    expect((await db.numericAttempt.findUniqueOrThrow({ where: { id: served.attemptId } })).answeredAt).toBeNull();

    await submitNumericAnswer(db, user.id, { attemptId: served.attemptId, answer: "1" });
    const replay = await expectAppError(submitNumericAnswer(db, user.id, { attemptId: served.attemptId, answer: "73856" }));
    expect(replay.code).toBe("CONFLICT");
    expect(await db.numericAttempt.findUniqueOrThrow({ where: { id: served.attemptId } })).toMatchObject({ correct: false, answerGiven: "1" });
  });

  it("ignores any seed the client tries to send (strict request schema)", async () => {
    const { user } = await createUser(db);
    const served = await serveNumericQuestion(db, user.id, questionId);
    const forged = await submitNumericAnswer(db, user.id, { attemptId: served.attemptId, answer: "73856", seed: 1 });
    expect(forged.ok).toBe(false);
    expect((await db.numericAttempt.findUniqueOrThrow({ where: { id: served.attemptId } })).answeredAt).toBeNull();
  });

  it("answers exactly once under concurrent double submission", async () => {
    const { user } = await createUser(db);
    const served = await serveNumericQuestion(db, user.id, questionId);
    const results = await Promise.allSettled([
      submitNumericAnswer(db, user.id, { attemptId: served.attemptId, answer: "73856" }),
      submitNumericAnswer(db, user.id, { attemptId: served.attemptId, answer: "73856" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
  });

  it("picks only active numeric questions", async () => {
    expect(await pickNumericQuestion(db, { deckSlug: "it-numeric" })).toMatchObject({ key: "it-num-conv-params" });
    expect(await pickNumericQuestion(db, { deckSlug: "no-such-deck" })).toBeNull();
  });
});
