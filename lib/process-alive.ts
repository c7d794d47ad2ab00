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
