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
