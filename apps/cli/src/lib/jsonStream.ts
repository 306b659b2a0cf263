/**
 * Writes evaluation results to stdout one by one, in the layout `ctx.printJson` gives a whole array
 * (one compact item per line past 50 items, indented below), or as NDJSON; buffered in chunks of
 * about 1 MiB. Writes to files and pipes are synchronous on Linux, so memory stays bounded.
 */

/** Where the text goes (stdout by default). */
export type Sink = (chunk: string) => void;

const stdoutSink: Sink = (chunk) => void process.stdout.write(chunk);

/** A writer of one JSON document, an array of `count` items, or NDJSON lines. */
export interface JsonWriter {
  write(value: unknown): void;
  end(): void;
}

/**
 * Opens a writer. `count` is the number of items a batch will have (known after validation), which
 * decides the layout exactly as `ctx.printJson` does for an array of that length.
 * @example
 * const w = jsonWriter({ batch: true, count: results.length, ndjson: false }); results.forEach((r) => w.write(r)); w.end();
 */
export function jsonWriter(o: { batch: boolean; count: number; ndjson: boolean }, sink: Sink = stdoutSink): JsonWriter {
  let chunk = "";
  let i = 0;
  const flush = (force: boolean) => {
    if (chunk.length > 1 << 20 || (force && chunk)) {
      sink(chunk);
      chunk = "";
    }
  };
  const compact = o.count > 50;
  return {
    write(value) {
      if (o.ndjson) chunk += `${JSON.stringify(value)}\n`;
      else if (!o.batch) chunk += `${JSON.stringify(value, null, 2)}\n`;
      else {
        if (i === 0) chunk += "[\n";
        chunk += `  ${compact ? JSON.stringify(value) : JSON.stringify(value, null, 2).replace(/\n/g, "\n  ")}${i < o.count - 1 ? "," : ""}\n`;
      }
      i++;
      flush(false);
    },
    end() {
      if (!o.ndjson && o.batch) chunk += i === 0 ? "[]\n" : "]\n";
      flush(true);
    },
  };
}
