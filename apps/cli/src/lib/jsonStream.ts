/**
 * Writes evaluation results to stdout one by one, in the layout `ctx.printJson` gives a whole array
 * (one compact item per line past 50 items, indented below), or as NDJSON; buffered in chunks of
 * about 1 MiB. Writes to files and pipes are synchronous on Linux, so memory stays bounded.
 */

/** Where the bytes go (stdout by default). */
export type Sink = (chunk: Uint8Array) => void;

const stdoutSink: Sink = (chunk) => void process.stdout.write(chunk);

// Each piece of text is encoded straight into a byte buffer: no long string is built by concatenation
// (which V8 must flatten and copy before encoding) and each buffer is handed over once, whole.
const BUFFER_BYTES = 1 << 20;

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
  let buf = Buffer.allocUnsafe(BUFFER_BYTES);
  let off = 0;
  let i = 0;
  const flush = () => {
    if (off === 0) return;
    sink(buf.subarray(0, off));
    buf = Buffer.allocUnsafe(BUFFER_BYTES); // a fresh buffer: the sink may keep the one it was given
    off = 0;
  };
  const put = (text: string) => {
    if (off + text.length * 3 > buf.length) {
      flush();
      if (text.length * 3 > buf.length) return sink(Buffer.from(text, "utf8")); // UTF-8 needs at most 3 bytes per UTF-16 unit
    }
    off += buf.write(text, off, "utf8");
  };
  const compact = o.count > 50;
  return {
    write(value) {
      if (o.ndjson) {
        put(JSON.stringify(value));
        put("\n");
      } else if (!o.batch) {
        put(JSON.stringify(value, null, 2));
        put("\n");
      } else {
        if (i === 0) put("[\n");
        put("  ");
        put(compact ? JSON.stringify(value) : JSON.stringify(value, null, 2).replace(/\n/g, "\n  "));
        put(i < o.count - 1 ? ",\n" : "\n");
      }
      i++;
    },
    end() {
      if (!o.ndjson && o.batch) put(i === 0 ? "[]\n" : "]\n");
      flush();
    },
  };
}
