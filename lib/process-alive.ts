/**
 * Whether a process with this id exists (one owned by another user counts). Used by the build's
 * gates to tell a step that is still at work from one that has gone.
 */
export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGTERM to a process group (its id is its leader's, which stays reserved while any member lives). */
export function signalGroup(pid: number | undefined): void {
  if (pid === undefined || process.platform === 'win32') return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // The group is empty.
  }
}

/** The signals that stop a long-running script from outside, and the exit code each gives (128 + its number). */
export const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGQUIT: 131 } as const;
