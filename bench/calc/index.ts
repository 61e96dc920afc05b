// Throughput of the calculation library. Prints figures only; it never asserts timings, because they
// depend on the machine. Run: npx tsx bench/calc/index.ts [--ms=1000] [--quick]   (--quick: 250 ms per case)
import {
  analyzeNetwork,
  convMacs,
  convOutputSize,
  convParams,
  crossEntropy,
  densenet121,
  iou,
  poolOutputSize,
  receptiveField,
  resnet50,
  softmax,
} from "../../lib/calc";
import { intArg } from "../lib/cli";
import { recordFigures } from "../lib/results";

const MS = intArg("ms", 1000, { quick: 250, max: 60_000 });

// Accumulates results so the JIT cannot drop the measured calls as dead code.
let sink = 0;

/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up and returns calls per second. */
function measure(fn: () => number, ms = MS): { perSecond: number; calls: number } {
  const warmUntil = performance.now() + ms / 4;
  while (performance.now() < warmUntil) sink += fn();
  let calls = 0;
  const start = performance.now();
  let now = start;
  // Check the clock every 64 calls so timing overhead stays small for the fastest formulas.
  while (now - start < ms) {
    for (let i = 0; i < 64; i++) sink += fn();
    calls += 64;
    now = performance.now();
  }
  return { perSecond: (calls * 1000) / (now - start), calls };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

const resnetRows = analyzeNetwork(resnet50).layers.length;
const densenetRows = analyzeNetwork(densenet121).layers.length;
const vggStack = [
  ...Array.from({ length: 13 }, () => ({ kernel: 3, padding: 1 })),
  ...Array.from({ length: 5 }, () => ({ kernel: 2, stride: 2 })),
];
const logits = Array.from({ length: 1000 }, (_, i) => Math.sin(i));

/** Cases that also go into `npm run bench`'s table, by their label's first word(s). */
const RECORDED = ["analyzeNetwork(resnet50)", "analyzeNetwork(densenet121)", "receptiveField", "convOutputSize"];

const cases: Array<[string, () => number]> = [
  [`analyzeNetwork(resnet50)   [${resnetRows} rows]`, () => analyzeNetwork(resnet50).totals.macs],
  [`analyzeNetwork(densenet121) [${densenetRows} rows]`, () => analyzeNetwork(densenet121).totals.macs],
  ["convOutputSize", () => convOutputSize({ input: 224, kernel: 7, stride: 2, padding: 3 })],
  ["poolOutputSize (ceil mode)", () => poolOutputSize({ input: 109, kernel: 3, stride: 2, ceilMode: true })],
  ["convParams", () => convParams({ kernel: 3, inChannels: 64, outChannels: 128 })],
  ["convMacs", () => convMacs({ inChannels: 64, outChannels: 128, kernel: 3, output: 56 })],
  ["receptiveField (18 layers)", () => receptiveField({ layers: vggStack }).receptiveField],
  ["iou", () => iou({ a: [0, 0, 2, 2], b: [1, 1, 3, 3] })],
  ["softmax (10 logits)", () => softmax({ logits: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })[0] ?? 0],
  ["crossEntropy (1000 logits)", () => crossEntropy({ logits, target: 7 })],
];

console.log(`lib/calc benchmark (node ${process.version}), ${MS} ms per case`);
const figures: Parameters<typeof recordFigures>[1] = [];
for (const [name, fn] of cases) {
  const { perSecond } = measure(fn);
  const unit = name.startsWith("analyzeNetwork") ? "networks/s" : "calls/s";
  console.log(`${name.padEnd(42)} ${fmt(perSecond).padStart(14)} ${unit}   (${(1e6 / perSecond).toFixed(3)} µs/call)`);
  if (RECORDED.some((prefix) => name.startsWith(prefix))) figures.push({ figure: name.replace(/\s+/g, " ").trim(), value: perSecond, unit, digits: 0 });
}
recordFigures("calc", figures);
// Printed so the sink is observably used.
console.log(`checksum ${sink > 0 ? "ok" : "?"}`);
