import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalcError } from "./errors";
import { receptiveField, type ReceptiveFieldLayer } from "./receptive-field";

const conv3: ReceptiveFieldLayer = { kernel: 3, padding: 1 };
const pool2: ReceptiveFieldLayer = { kernel: 2, stride: 2 };

describe("receptiveField", () => {
  it("is 1 pixel with jump 1 for no layers", () => {
    expect(receptiveField({ layers: [] })).toEqual({ receptiveField: 1, jump: 1, start: 0, layers: [] });
  });

  it("grows by (k_eff − 1)·j per layer", () => {
    // three 3×3: 1 + 2 + 2 + 2 = 7, the same as one 7×7
    expect(receptiveField({ layers: [conv3, conv3, conv3] }).receptiveField).toBe(7);
    expect(receptiveField({ layers: [{ kernel: 7 }] }).receptiveField).toBe(7);
    // stride 2 then 3×3: 1 + 1·1 = 2 (2×2 pool), then + 2·2 = 6
    const r = receptiveField({ layers: [pool2, conv3] });
    expect(r.layers.map((l) => [l.receptiveField, l.jump])).toEqual([
      [2, 2],
      [6, 2],
    ]);
  });

  it("uses the dilated kernel d(k−1)+1", () => {
    // k_eff = 2·2 + 1 = 5; after a stride-2 layer (r 2, j 2): 2 + 4·2 = 10
    const r = receptiveField({ layers: [pool2, { kernel: 3, dilation: 2 }] });
    expect(r.receptiveField).toBe(2 + (5 - 1) * 2);
    expect(r.layers[1]?.effectiveKernel).toBe(5);
    // WaveNet/DeepLab-style dilations 1, 2, 4 of 3-tap kernels: 1 + 2 + 4 + 8 = 15
    expect(receptiveField({ layers: [1, 2, 4].map((d) => ({ kernel: 3, dilation: d })) }).receptiveField).toBe(15);
  });

  it("reproduces VGG16: 196 at conv5_3 and 212 at pool5", () => {
    const stage = (convs: number): ReceptiveFieldLayer[] => [...Array<ReceptiveFieldLayer>(convs).fill(conv3), pool2];
    const layers = [...stage(2), ...stage(2), ...stage(3), ...stage(3), ...stage(3)];
    const rows = receptiveField({ layers }).layers;
    // stage 1 (j 1): 3, 5, pool 6 (j 2); stage 2: 6 + 4 + 4 = 14, pool 16 (j 4);
    // stage 3: 16 + 3·8 = 40, pool 44 (j 8); stage 4: 44 + 3·16 = 92, pool 100 (j 16);
    // stage 5: 100 + 3·32 = 196 at conv5_3, pool5 196 + 16 = 212 (j 32)
    expect(rows[16]?.receptiveField).toBe(100 + 3 * 32);
    expect(rows[17]?.receptiveField).toBe(196 + 16);
    expect(rows[17]?.jump).toBe(32);
  });

  it("tracks the centre of the first unit", () => {
    // padded 3×3 is centred on pixel 0; an unpadded one on pixel 1
    expect(receptiveField({ layers: [conv3] }).start).toBe(0);
    expect(receptiveField({ layers: [{ kernel: 3 }] }).start).toBe(1);
    // 2×2 stride 2 covers pixels 0 and 1: centre 0.5; then an unpadded 3×3 (j 2): 0.5 + 1·2 = 2.5
    expect(receptiveField({ layers: [pool2, { kernel: 3 }] }).start).toBe(2.5);
  });

  it("copies names and rejects invalid layers", () => {
    expect(receptiveField({ layers: [{ kernel: 3, name: "conv1" }] }).layers[0]?.name).toBe("conv1");
    expect(() => receptiveField({ layers: [{ kernel: 0 }] })).toThrow(CalcError);
    expect(() => receptiveField({ layers: [conv3, { kernel: 3, stride: 1.5 }] })).toThrow(/layers\[1\]\.stride/);
  });

  it("property: monotone in depth (r and j never decrease, r >= 1)", () => {
    const layer = fc.record({
      kernel: fc.integer({ min: 1, max: 7 }),
      stride: fc.integer({ min: 1, max: 3 }),
      dilation: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(layer, { maxLength: 12 }), layer, (layers, extra) => {
        const before = receptiveField({ layers });
        const after = receptiveField({ layers: [...layers, extra] });
        const rows = after.layers;
        const rowsMonotone = rows.every(
          (row, i) => i === 0 || (row.receptiveField >= rows[i - 1]!.receptiveField && row.jump >= rows[i - 1]!.jump),
        );
        return rowsMonotone && before.receptiveField >= 1 && after.receptiveField >= before.receptiveField;
      }),
      { numRuns: 200 },
    );
  });
});
