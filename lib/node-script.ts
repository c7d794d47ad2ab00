import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BUILD_SCRIPTS_DIR, compiledScript } from './build/script-bundle';

/**
 * The Node arguments that run one of the project's TypeScript scripts: inside a build, its
 * compiled file (lib/build/script-bundle.ts); otherwise tsx's loader inside a single process.
 * (tsx's command line starts a second Node process to host the script, about 50 MB more for
 * each step the build runs in parallel.) Paths are from the project folder, which must be the
 * working directory.
 */
export function tsScript(script: string, ...args: string[]): string[] {
  const compiledDir = process.env[BUILD_SCRIPTS_DIR];
  if (compiledDir) {
    const compiled = compiledScript(compiledDir, script);
    if (existsSync(compiled)) return [compiled, ...args];
  }
  return ['--import', 'tsx', path.join(process.cwd(), script), ...args];
}

/**
 * Runs one of the project's TypeScript scripts in a process of its own and gives back what it
 * printed. A failure is an error whose message is what the script wrote to stderr.
 *   onLine  each line the script prints, as soon as it is printed (for progress it reports)
 *   signal  stops the script (SIGTERM) when aborted
 */
export function runTsScript(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; onLine?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // A line the caller could not handle stops the script, and is the failure reported.
    let lineError: unknown;
    const child = execFile(
      process.execPath,
      tsScript(script, ...args),
      { env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024, signal: options.signal },
      (error, stdout, stderr) => {
        if (lineError !== undefined) reject(lineError);
        else if (error) reject(new Error(stderr.trim() || error.message));
        else resolve({ stdout, stderr });
      },
    );
    const { onLine } = options;
    if (onLine && child.stdout) {
      const handle = (line: string) => {
        if (lineError !== undefined) return;
        try {
          onLine(line);
        } catch (error) {
          lineError = error;
          child.kill();
        }
      };
      let pending = '';
      child.stdout.on('data', (chunk: string | Buffer) => {
        const lines = (pending + String(chunk)).split('\n');
        pending = lines.pop() ?? '';
        lines.forEach(handle);
      });
      child.stdout.on('end', () => {
        if (pending) handle(pending);
      });
    }
  });
}
