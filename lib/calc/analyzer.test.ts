import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeNetwork,
  MAX_NETWORK_DEPTH,
  MAX_NETWORK_LAYERS,
  parseNetworkSpec,
  type Layer,
  type NetworkSpec,
} from "./analyzer";
import { CalcError } from "./errors";

/** Asserts `run` throws a CalcError whose path is `path`, whose message starts with it and matches `problem`. */
function expectCalcError(run: () => unknown, path: string, problem: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CalcError);
  const error = caught as CalcError;
  expect(error.path).toBe(path);
  expect(error.message.startsWith(`${path}: `)).toBe(true);
  expect(error.message).toMatch(problem);
}

const net = (layers: unknown[], input: unknown = [8, 16, 16]): NetworkSpec => ({ input, layers }) as NetworkSpec;

describe("analyzeNetwork: rows and totals", () => {
  it("computes shapes, params, MACs and activations of a small CNN by hand", () => {
    const r = analyzeNetwork({
      input: [3, 32, 32],
      layers: [
        { type: "conv2d", out: 16, kernel: 3, padding: 1, name: "conv" },
        { type: "relu" },
        { type: "adaptiveavgpool2d", output: 1 },
        { type: "flatten" },
        { type: "linear", out: 10, name: "fc" },
      ],
    });
    expect(r.layers).toEqual([
      // 3·3·3·16 + 16 params; 32·32 positions × 16 filters × 3·3·3 taps
      { path: "conv", type: "conv2d", outputShape: [16, 32, 32], params: 3 * 3 * 3 * 16 + 16, macs: 32 * 32 * 16 * 27, activationElements: 16 * 32 * 32 },
      { path: "layers[1]", type: "relu", outputShape: [16, 32, 32], params: 0, macs: 0, activationElements: 16 * 32 * 32 },
      { path: "layers[2]", type: "adaptiveavgpool2d", outputShape: [16, 1, 1], params: 0, macs: 0, activationElements: 16 },
      { path: "layers[3]", type: "flatten", outputShape: [16], params: 0, macs: 0, activationElements: 16 },
      { path: "fc", type: "linear", outputShape: [10], params: 16 * 10 + 10, macs: 16 * 10, activationElements: 10 },
    ]);
    expect(r.totals).toEqual({
      params: 448 + 170,
      trainableParams: 448 + 170,
      buffers: 0,
      macs: 442_368 + 160,
      flops: 2 * (442_368 + 160),
      activationElements: 2 * 16 * 32 * 32 + 16 + 16 + 10,
    });
  });

  it("names paths by index, by name, by repetition and by branch; containers add merge rows only", () => {
    const conv = (out: number, kernel: number, extra: object = {}): Layer =>
      ({ type: "conv2d", out, kernel, ...(kernel === 3 ? { padding: 1 } : {}), ...extra }) as Layer;
    const r = analyzeNetwork(
      net([
        { type: "sequential", repeat: 2, layers: [conv(8, 3), { type: "relu" }] },
        { type: "residual", body: [conv(8, 3), { type: "batchnorm2d" }], shortcut: [conv(8, 1)] },
        { type: "concat", branches: [[], [conv(4, 1)]] },
        { type: "sequential", name: "stage", layers: [conv(4, 1, { name: "conv1" })] },
      ]),
    );
    expect(r.layers.map((l) => [l.path, l.type])).toEqual([
      ["layers[0].repeat[0].layers[0]", "conv2d"],
      ["layers[0].repeat[0].layers[1]", "relu"],
      ["layers[0].repeat[1].layers[0]", "conv2d"],
      ["layers[0].repeat[1].layers[1]", "relu"],
      ["layers[1].body[0]", "conv2d"],
      ["layers[1].body[1]", "batchnorm2d"],
      ["layers[1].shortcut[0]", "conv2d"],
      ["layers[1]", "add"],
      ["layers[2].branches[1][0]", "conv2d"],
      ["layers[2]", "concat"],
      ["stage.conv1", "conv2d"],
    ]);
    // concat of the 8-channel identity and 4 new channels
    expect(r.layers[9]?.outputShape).toEqual([12, 16, 16]);
    expect(r.layers[9]).toMatchObject({ params: 0, macs: 0, activationElements: 12 * 16 * 16 });
    expect(r.layers[7]).toMatchObject({ outputShape: [8, 16, 16], params: 0, macs: 0, activationElements: 8 * 16 * 16 });
    const conv3 = 3 * 3 * 8 * 8 + 8;
    // repeat ×2, residual body conv + BN γβ + 1×1 shortcut, concat 1×1, stage 1×1 on 12 channels
    expect(r.totals.params).toBe(2 * conv3 + conv3 + 2 * 8 + (8 * 8 + 8) + (8 * 4 + 4) + (12 * 4 + 4));
    expect(r.totals.buffers).toBe(2 * 8 + 1);
    // totals are plain sums over rows: no container row double counts its children
    const sum = (k: "params" | "macs" | "activationElements") => r.layers.reduce((s, l) => s + l[k], 0);
    expect(r.totals.params).toBe(sum("params"));
    expect(r.totals.macs).toBe(sum("macs"));
    expect(r.totals.activationElements).toBe(sum("activationElements"));
  });

  it("supports torchvision-style dotted names", () => {
    const r = analyzeNetwork(
      net([
        {
          type: "sequential",
          name: "layer1",
          layers: [
            {
              type: "residual",
              name: "0",
              body: [{ type: "conv2d", name: "conv1", out: 8, kernel: 3, padding: 1, bias: false }],
              shortcut: [{ type: "conv2d", name: "downsample.0", out: 8, kernel: 1, bias: false }],
            },
            { type: "relu", name: "0.relu" },
          ],
        },
      ]),
    );
    expect(r.layers.map((l) => l.path)).toEqual(["layer1.0.conv1", "layer1.0.downsample.0", "layer1.0", "layer1.0.relu"]);
  });

  it("applies linear to the last dimension", () => {
    const r = analyzeNetwork(net([{ type: "linear", out: 7 }], [2, 3, 5]));
    // 5 → 7 on each of the 2·3 rows
    expect(r.layers[0]).toMatchObject({ outputShape: [2, 3, 7], params: 5 * 7 + 7, macs: 2 * 3 * 5 * 7 });
  });

  it("handles conv options: rectangular sizes, same/valid padding, dilation, groups, no bias", () => {
    const r = analyzeNetwork(
      net([
        { type: "conv2d", out: 16, kernel: [1, 3], stride: [1, 2], padding: [0, 1], bias: false },
        { type: "conv2d", out: 16, kernel: 3, dilation: 2, padding: "same", groups: 16, bias: false },
        { type: "conv2d", out: 4, kernel: 3, padding: "valid" },
      ]),
    );
    // height: 16 − 1 + 1 = 16; width: floor((16 + 2 − 3)/2) + 1 = 8
    expect(r.layers[0]).toMatchObject({ outputShape: [16, 16, 8], params: 1 * 3 * 8 * 16, macs: 16 * 8 * 16 * 8 * 3 });
    // depthwise dilated "same": 3·3·1·16 weights
    expect(r.layers[1]).toMatchObject({ outputShape: [16, 16, 8], params: 9 * 16, macs: 16 * 8 * 16 * 9 });
    // valid: 16 − 2 = 14, 8 − 2 = 6
    expect(r.layers[2]).toMatchObject({ outputShape: [4, 14, 6], params: 9 * 16 * 4 + 4 });
  });

  it("handles pools: default stride, padding, ceil mode, adaptive max", () => {
    const r = analyzeNetwork(
      net([
        { type: "maxpool2d", kernel: 3, stride: 2, padding: 1 },
        { type: "avgpool2d", kernel: 3, stride: 2, ceilMode: true },
        { type: "maxpool2d", kernel: 2 },
        { type: "adaptivemaxpool2d", output: [3, 2] },
      ]),
    );
    // 16 → floor((16 + 2 − 3)/2) + 1 = 8 → ceil((8 − 3)/2) + 1 = 4 → 2 → [3, 2]
    expect(r.layers.map((l) => l.outputShape)).toEqual([
      [8, 8, 8],
      [8, 4, 4],
      [8, 2, 2],
      [8, 3, 2],
    ]);
  });

  it("concatenates flattened features too", () => {
    const r = analyzeNetwork(net([{ type: "flatten" }, { type: "concat", branches: [[], [{ type: "linear", out: 10 }]] }], [3, 4, 4]));
    expect(r.layers.at(-1)?.outputShape).toEqual([3 * 4 * 4 + 10]);
  });

  it("accepts untyped JSON and parseNetworkSpec returns it", () => {
    const json = '{"input":[3,8,8],"layers":[{"type":"conv2d","out":4,"kernel":3},{"type":"flatten"}]}';
    const spec = parseNetworkSpec(JSON.parse(json));
    // 8 − 3 + 1 = 6
    expect(analyzeNetwork(spec).layers.at(-1)?.outputShape).toEqual([4 * 6 * 6]);
  });
});

describe("analyzeNetwork: invalid specs throw CalcError naming the path", () => {
  it("kernel larger than the padded input", () => {
    expectCalcError(
      () =>
        analyzeNetwork(
          net([
            {
              type: "sequential",
              layers: [
                // 16 → floor((16 − 3)/2) + 1 = 7 → 3
                { type: "conv2d", out: 8, kernel: 3, stride: 2 },
                { type: "conv2d", out: 8, kernel: 3, stride: 2 },
                { type: "residual", body: [{ type: "conv2d", out: 8, kernel: 5 }] },
              ],
            },
          ]),
        ),
      "layers[0].layers[2].body[0]",
      /conv2d height: kernel \(effective size 5\) is larger than the padded input \(3/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "maxpool2d", kernel: 2, stride: 1 }], [1, 1, 1])),
      "layers[0]",
      /maxpool2d height: kernel/,
    );
  });

  it("channels not divisible by groups", () => {
    expectCalcError(
      () => analyzeNetwork(net([{ type: "conv2d", name: "dw", out: 6, kernel: 3, groups: 4 }])),
      "dw",
      /out channels \(6\) are not divisible by groups \(4\)/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "conv2d", out: 6, kernel: 3, groups: 3 }])),
      "layers[0]",
      /in channels \(8\) are not divisible by groups \(3\)/,
    );
  });

  it("residual branches whose shapes differ", () => {
    expectCalcError(
      () => analyzeNetwork(net([{ type: "residual", name: "block", body: [{ type: "conv2d", out: 16, kernel: 1 }] }])),
      "block",
      /body output \[16, 16, 16\] does not match shortcut output \[8, 16, 16\] \(identity shortcut\)/,
    );
    expectCalcError(
      () =>
        analyzeNetwork(
          net([
            {
              type: "residual",
              body: [{ type: "conv2d", out: 8, kernel: 1, stride: 2 }],
              shortcut: [{ type: "conv2d", out: 8, kernel: 1 }],
            },
          ]),
        ),
      "layers[0]",
      /\[8, 8, 8\] does not match shortcut output \[8, 16, 16\]/,
    );
  });

  it("concat branches whose spatial sizes differ, and empty concats", () => {
    expectCalcError(
      () => analyzeNetwork(net([{ type: "concat", branches: [[], [{ type: "maxpool2d", kernel: 2 }]] }])),
      "layers[0]",
      /branch 1 output \[8, 8, 8\] does not match branch 0 output \[8, 16, 16\]/,
    );
    expectCalcError(() => analyzeNetwork(net([{ type: "concat", branches: [] }])), "layers[0]", /non-empty/);
  });

  it("unknown layer types and fields", () => {
    expectCalcError(
      () => analyzeNetwork(net([{ type: "sequential", name: "stage", layers: [{ type: "relu" }, { type: "conv3d" }] }])),
      "stage.layers[1]",
      /unknown layer type "conv3d"/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "conv2d", out: 8, kernel: 3, stide: 2 }])),
      "layers[0]",
      /conv2d has no field "stide"/,
    );
    expectCalcError(() => analyzeNetwork(net([{ out: 8 }])), "layers[0]", /missing required field "type"/);
    expectCalcError(() => analyzeNetwork(net([42])), "layers[0]", /must be an object/);
    expectCalcError(() => analyzeNetwork(net([{ type: 7 }])), "layers[0]", /unknown layer type 7/);
  });

  it("missing fields", () => {
    expectCalcError(
      () => analyzeNetwork(net([{ type: "conv2d", out: 8 }])),
      "layers[0]",
      /conv2d is missing required field "kernel"/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "flatten" }, { type: "linear" }])),
      "layers[1]",
      /missing required field "out"/,
    );
    expectCalcError(() => analyzeNetwork(net([{ type: "residual" }])), "layers[0]", /"body"/);
    expectCalcError(() => analyzeNetwork(net([{ type: "adaptiveavgpool2d" }])), "layers[0]", /"output"/);
  });

  it("non-integer, out-of-range and mistyped values", () => {
    expectCalcError(
      () => analyzeNetwork(net([{ type: "residual", body: [{ type: "conv2d", out: 3.5, kernel: 3 }] }])),
      "layers[0].body[0]",
      /conv2d "out" must be an integer >= 1, got 3.5/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "conv2d", out: 8, kernel: [3, "3"] }])),
      "layers[0]",
      /"kernel"\[1\] \(width\) must be an integer/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "conv2d", out: 8, kernel: 3, padding: "full" }])),
      "layers[0]",
      /"padding" must be/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "conv2d", out: 8, kernel: 3, bias: "yes" }])),
      "layers[0]",
      /"bias" must be true or false/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "sequential", layers: [], repeat: 0 }])),
      "layers[0]",
      /"repeat" must be an integer >= 1/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "maxpool2d", kernel: 3, padding: 2 }])),
      "layers[0]",
      /padding \(2\) must be at most half/,
    );
    // a bad name cannot name the path, so the index does
    expectCalcError(() => analyzeNetwork(net([{ type: "relu", name: 5 }])), "layers[0]", /"name" must be a non-empty string/);
  });

  it("shape errors: spatial layers after flatten, strided same", () => {
    expectCalcError(
      () => analyzeNetwork(net([{ type: "flatten" }, { type: "conv2d", name: "late", out: 8, kernel: 1 }])),
      "late",
      /conv2d expects a \[C, H, W\] input, got \[2048\]/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "flatten" }, { type: "batchnorm2d" }])),
      "layers[1]",
      /batchnorm2d expects/,
    );
    expectCalcError(
      () => analyzeNetwork(net([{ type: "conv2d", out: 8, kernel: 3, stride: 2, padding: "same" }])),
      "layers[0]",
      /padding "same" requires stride 1/,
    );
  });

  it("duplicate paths", () => {
    expectCalcError(
      () => analyzeNetwork(net([{ type: "relu", name: "act" }, { type: "relu", name: "act" }])),
      "act",
      /duplicate layer path/,
    );
  });

  it("bad top-level fields", () => {
    expectCalcError(() => analyzeNetwork(net([], [3, 224])), "input", /input must be \[channels, height, width\]/);
    expectCalcError(() => analyzeNetwork(net([], [3, 0, 224])), "input", /height must be an integer >= 1/);
    expectCalcError(() => analyzeNetwork({ input: [3, 8, 8] } as unknown as NetworkSpec), "layers", /array of layers/);
    expectCalcError(() => analyzeNetwork(null as unknown as NetworkSpec), "spec", /must be an object/);
    expectCalcError(
      () => analyzeNetwork({ input: [3, 8, 8], layers: [], extra: 1 } as unknown as NetworkSpec),
      "spec",
      /unknown field "extra"/,
    );
  });

  it("oversized or over-nested specs", () => {
    expectCalcError(
      () => analyzeNetwork(net([{ type: "sequential", repeat: MAX_NETWORK_LAYERS, layers: [{ type: "relu" }] }])),
      `layers[0].repeat[${MAX_NETWORK_LAYERS - 1}].layers[0]`,
      /more than 100000 layers/,
    );
    let deep: Layer = { type: "relu" };
    for (let i = 0; i <= MAX_NETWORK_DEPTH; i++) deep = { type: "sequential", name: "s", layers: [deep] };
    expectCalcError(
      () => analyzeNetwork(net([deep])),
      // the relu sits inside 65 containers: it is the first layer past the limit
      `${Array<string>(MAX_NETWORK_DEPTH + 1).fill("s").join(".")}.layers[0]`,
      /nested more than 64 deep/,
    );
  });
});

describe("analyzeNetwork: properties", () => {
  const layerArb: fc.Arbitrary<Layer> = fc.oneof(
    fc.record({
      type: fc.constant("conv2d" as const),
      out: fc.integer({ min: 1, max: 16 }),
      kernel: fc.constantFrom(1, 3, 5),
      padding: fc.constant("same" as const),
      bias: fc.boolean(),
    }),
    fc.constant({ type: "batchnorm2d" as const }),
    fc.constant({ type: "relu" as const }),
  );

  it("params and MACs are additive over sequential blocks; flops = 2·macs", () => {
    fc.assert(
      fc.property(
        fc.array(layerArb, { maxLength: 8 }),
        fc.array(layerArb, { maxLength: 8 }),
        fc.integer({ min: 1, max: 8 }),
        (a, b, channels) => {
          const input: [number, number, number] = [channels, 6, 6];
          const first = analyzeNetwork({ input, layers: a });
          const mid = (first.layers.at(-1)?.outputShape ?? input) as [number, number, number];
          const second = analyzeNetwork({ input: mid, layers: b });
          const whole = analyzeNetwork({
            input,
            layers: [
              { type: "sequential", layers: a },
              { type: "sequential", layers: b },
            ],
          });
          return (
            whole.totals.params === first.totals.params + second.totals.params &&
            whole.totals.macs === first.totals.macs + second.totals.macs &&
            whole.totals.buffers === first.totals.buffers + second.totals.buffers &&
            whole.totals.flops === 2 * whole.totals.macs
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("repeat n multiplies the params of a shape-preserving block by n", () => {
    fc.assert(
      fc.property(fc.array(layerArb, { maxLength: 6 }), fc.integer({ min: 1, max: 5 }), (block, n) => {
        // Make the block channel-preserving so it can be repeated: end with a 1×1 conv back to 4 channels.
        const layers: Layer[] = [...block, { type: "conv2d", out: 4, kernel: 1 }];
        const once = analyzeNetwork({ input: [4, 5, 5], layers });
        const repeated = analyzeNetwork({ input: [4, 5, 5], layers: [{ type: "sequential", repeat: n, layers }] });
        return repeated.totals.params === n * once.totals.params && repeated.layers.length === n * once.layers.length;
      }),
      { numRuns: 200 },
    );
  });
});
