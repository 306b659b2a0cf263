/** Precompresses the text files under `dir` (brotli `.br`, gzip `.gz`); one entry per file with its sizes. */
export function precompress(dir: string): { file: string; bytes: number; br: number; gzip: number }[];
