// Throughput of the numeric-question engine: instances generated and answers checked per second on one core.
// Prints figures only; it never asserts timings, because they depend on the machine.
// Run: npx tsx bench/numeric/index.ts [--ms=300] [--quick]   (--quick: 100 ms per template)
import { fileURLToPath } from "node:url";
import { loadContent } from "../../lib/content/load";
import {
  checkAnswer,
  generateInstance,
  numericTemplateSchema,
  parseLearnerAnswer,
  validateTemplate,
  type NumericTemplate,
} from "../../lib/numeric";
import { intArg } from "../lib/cli";
import { recordFigures } from "../lib/results";

// Accumulates results so the JIT cannot drop the measured calls as dead code.
let sink = 0;

/** Runs `fn(i)` repeatedly for about `ms` milliseconds after a warm-up and returns calls per second. */
function measure(fn: (i: number) => number, ms: number): number {
  let i = 0;
  const warmUntil = performance.now() + ms / 4;
  while (performance.now() < warmUntil) sink += fn(i++);
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let j = 0; j < 16; j++) sink += fn(i++);
    calls += 16;
    now = performance.now();
  }
  return (calls * 1000) / (now - start);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Used when content/ has no numeric questions. */
const FALLBACK: Array<[string, unknown]> = [
  [
    "conv parameters",
    {
      variables: { k: { choices: [1, 3, 5, 7] }, c_in: { range: [16, 256], step: 16 }, c_out: { choices: [32, 64, 128] } },
      constraints: ["c_out >= c_in"],
      answer: "convParams({kernel: k, inChannels: c_in, outChannels: c_out})",
      tolerance: { type: "exact" },
      unit: "parameters",
      mistakes: [{ when: "k * k * c_in * c_out", feedback: "Biases: {{c_out}}." }],
      solution: "{{answer}}",
    },
  ],
  [
    "network table (analyzeNetwork)",
    {
      variables: { H: { choices: [32, 64] }, c: { choices: [16, 32] }, n: { choices: [10, 100] } },
      answer:
        'at(analyzeNetwork({input: [3, H, H], layers: [{type: "conv2d", out: c, kernel: 3, padding: 1}, {type: "maxpool2d", kernel: 2}, {type: "flatten"}, {type: "linear", out: n}]}).layers, -1).params',
      tolerance: { type: "exact" },
      unit: "parameters",
      mistakes: [{ when: "c * (H / 2) ^ 2 * n", feedback: "Biases." }],
      solution: "{{answer}}",
    },
  ],
];

async function templates(): Promise<Array<[string, NumericTemplate]>> {
  const content = await loadContent(fileURLToPath(new URL("../../content", import.meta.url)));
  const numeric = content.questions.filter((question) => question.template !== null);
  if (numeric.length > 0) return numeric.map((question) => [question.key, question.template!]);
  return FALLBACK.map(([name, input]) => [name, numericTemplateSchema.parse(input)]);
}

async function main(): Promise<void> {
  const ms = intArg("ms", 300, { quick: 100, max: 60_000 });
  const all = await templates();
  console.log(`lib/numeric benchmark (node ${process.version}), ${all.length} templates, ${ms} ms each`);

  // Validation of the whole bank, as content:check runs it (50 samples each).
  const validateStart = performance.now();
  let problems = 0;
  for (const [, template] of all) problems += validateTemplate(template).length;
  const validateMs = performance.now() - validateStart;
  console.log(`validateTemplate, 50 samples × ${all.length} templates: ${validateMs.toFixed(1)} ms (${problems} problems)\n`);

  console.log(`${"template".padEnd(48)} ${"generate+check/s".padStart(16)} ${"µs each".padStart(9)}`);
  const rates: number[] = [];
  for (const [name, template] of all) {
    const perSecond = measure((seed) => {
      const instance = generateInstance(template, seed >>> 0);
      const verdict = checkAnswer(template, instance, instance.answer);
      return verdict.verdict === "correct" ? 1 : 0;
    }, ms);
    rates.push(perSecond);
    console.log(`${name.slice(0, 48).padEnd(48)} ${fmt(perSecond).padStart(16)} ${(1e6 / perSecond).toFixed(1).padStart(9)}`);
  }
  const sorted = [...rates].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`\nmedian ${fmt(median)}/s, slowest ${fmt(sorted[0] ?? 0)}/s, fastest ${fmt(sorted.at(-1) ?? 0)}/s`);

  const inputs = ["73856", "73,856", "7.3856e4", "3*3*64*128+128", "3.5 MiB", "73.9k params"];
  const parseRate = measure((i) => {
    const result = parseLearnerAnswer(inputs[i % inputs.length]!, i % inputs.length === 4 ? "MiB" : "parameters");
    return result.ok ? 1 : 0;
  }, ms);
  console.log(`parseLearnerAnswer (mixed inputs)               ${fmt(parseRate).padStart(16)} ${(1e6 / parseRate).toFixed(2).padStart(9)}`);
  recordFigures("numeric", [
    { figure: `validateTemplate, whole bank (${all.length} templates × 50 samples)`, value: validateMs, unit: "ms", digits: 0 },
    { figure: "generate + check an instance, median template", value: median, unit: "per s", digits: 0 },
    { figure: "generate + check an instance, slowest template", value: sorted[0] ?? 0, unit: "per s", digits: 0 },
    { figure: "parseLearnerAnswer (mixed inputs)", value: parseRate, unit: "per s", digits: 0 },
  ]);
  // Printed so the sink is observably used.
  console.log(`checksum ${sink > 0 ? "ok" : "?"}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
