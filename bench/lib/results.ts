/**
 * Machine-readable bench results. Each bench prints its figures for people and also calls {@link recordFigures};
 * when the bench runs under `npm run bench` (bench/run.ts sets BENCH_RESULTS to a file), every figure is appended
 * to that file as one JSON line, and the runner prints them all as one table at the end. Run alone, a bench
 * writes nothing.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { cpus, totalmem, type as osType, release } from "node:os";

export const RESULTS_ENV = "BENCH_RESULTS";

export interface Figure {
  /** The bench's folder name: calc, study, load, … */
  bench: string;
  figure: string;
  value: number | string;
  unit: string;
  /** Decimals to show for a number (default: by magnitude). */
  digits?: number;
}

/** Appends figures to the BENCH_RESULTS file, when the runner set one. */
export function recordFigures(bench: string, figures: Array<Omit<Figure, "bench">>): void {
  const file = process.env[RESULTS_ENV];
  if (!file) return;
  appendFileSync(file, figures.map((figure) => JSON.stringify({ bench, ...figure }) + "\n").join(""));
}

export function readFigures(file: string): Figure[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Figure);
}

/** A number for the table: the figure's own decimals, else more decimals for smaller values. */
export function formatValue(figure: Pick<Figure, "value" | "digits">): string {
  if (typeof figure.value === "string") return figure.value;
  if (!Number.isFinite(figure.value)) return String(figure.value);
  const magnitude = Math.abs(figure.value);
  const digits = figure.digits ?? (magnitude >= 100 || Number.isInteger(figure.value) ? 0 : magnitude >= 10 ? 1 : 2);
  return figure.value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "AMD EPYC 7B13, 2 cores, 23.5 GiB RAM, Node v20.20.2, Linux 6.1" */
export function machineDescription(): string {
  const cpu = cpus()[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown CPU";
  const gib = (totalmem() / 1024 ** 3).toFixed(1);
  return `${cpu}, ${cpus().length} cores, ${gib} GiB RAM, Node ${process.version}, ${osType()} ${release()}`;
}
