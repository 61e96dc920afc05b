/** The download stream: chunks pass through in order, a failure breaks the download, and a cancel stops the reading. */
import { describe, expect, it } from "vitest";
import { textStream } from "./stream";

describe("textStream", () => {
  it("streams the chunks in order as UTF-8", async () => {
    async function* chunks() {
      yield "a,b\r\n";
      yield "é,😀\r\n";
    }
    expect(await new Response(textStream(chunks(), () => {})).text()).toBe("a,b\r\né,😀\r\n");
  });

  it("reports a failure and errors the stream, so the download is not taken as complete", async () => {
    const seen: unknown[] = [];
    async function* chunks() {
      yield "first";
      throw new Error("database went away");
    }
    await expect(new Response(textStream(chunks(), (error) => seen.push(error))).text()).rejects.toThrow("database went away");
    expect(seen).toHaveLength(1);
  });

  it("stops the generator when the client goes away", async () => {
    let finished = false;
    async function* chunks() {
      try {
        for (;;) yield "row\r\n";
      } finally {
        finished = true;
      }
    }
    const reader = textStream(chunks(), () => {}).getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
