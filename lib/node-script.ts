import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The Node arguments that run one of the project's TypeScript scripts: tsx's loader inside a
 * single process. (tsx's command line starts a second Node process to host the script, about
 * 50 MB more for each step the build runs in parallel.) Paths are from the project folder,
 * which must be the working directory.
 */
export function tsScript(script: string, ...args: string[]): string[] {
  return ['--import', 'tsx', path.join(process.cwd(), script), ...args];
}

/**
 * Runs one of the project's TypeScript scripts in a process of its own and gives back what it
 * printed. A failure is an error whose message is what the script wrote to stderr.
 */
export function runTsScript(script: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, tsScript(script, ...args), { env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve({ stdout, stderr });
    });
  });
}
