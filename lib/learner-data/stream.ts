/**
 * Text chunks from an async generator as a byte stream for a `Response`. Pull-based: the next chunk is produced
 * only when the client has taken the previous one, so a slow download never piles up rows in memory.
 */
export function textStream(chunks: AsyncIterable<string>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // The status line is already sent: all that is left is to break the download so it is not taken as complete.
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
