/** A one-line progress bar on a terminal; on a pipe (CI, logs) a line every 25%, so logs stay short. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stdout) {
  let lastQuarter = -1;
  return {
    update(done: number, total: number) {
      if (total === 0) return;
      const fraction = done / total;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(`\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total}`);
        if (done === total) stream.write("\n");
      } else {
        const quarter = Math.floor(fraction * 4);
        if (quarter !== lastQuarter) {
          lastQuarter = quarter;
          stream.write(`${label} ${done}/${total}\n`);
        }
      }
    },
  };
}
