import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so
 * a build process reading it in parallel (the caches are shared between the build's processes)
 * never sees half of it. Creates the folder if needed.
 */
export function writeFileAtomic(file: string, data: string | NodeJS.ArrayBufferView): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
  } catch (error) {
    // Most writes go to a folder that exists (a cache writes thousands of files into one):
    // it is made only when the write finds it missing.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, data);
  }
  renameSync(temporary, file);
}
