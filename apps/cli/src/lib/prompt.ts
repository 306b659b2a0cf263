import { createInterface } from "node:readline";

/**
 * Reads all of stdin (for `--password-stdin`), without the trailing newline.
 * @example
 * const password = await readStdin();
 */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/**
 * Asks a question on the terminal; with `hidden` the answer is not echoed (passwords).
 * @example
 * const username = await ask("Tên đăng nhập / Username: ");
 */
export function ask(question: string, hidden = false): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    if (hidden) {
      const out = rl as unknown as { _writeToOutput: (s: string) => void };
      let prompted = false;
      out._writeToOutput = (s: string) => {
        if (!prompted) {
          process.stderr.write(s);
          prompted = true;
        }
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write("\n");
      resolve(answer);
    });
  });
}
