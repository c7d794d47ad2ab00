/**
 * How fast the machine is at a given moment: a fixed amount of work, timed just before each
 * build of the benchmark. On a shared host the same build took 65-96 s of CPU from one hour to
 * the next, with nothing else of ours running; these two figures let a reader tell a slower
 * build from a slower machine.
 *
 *   computeMs  one thread of plain JavaScript arithmetic (what most of a build's time is)
 *   memoryMs   writing 64 MB of memory fresh from the kernel (16,384 page faults: a build takes
 *              hundreds of thousands, and their cost differs most between machines)
 */

export type MachineSpeed = { computeMs: number; memoryMs: number };

const COMPUTE_STEPS = 40_000_000;
const FRESH_BYTES = 64 * 1024 * 1024;

/** The faster of `rounds` timings of each workload (the slower ones include warming up). */
export function machineSpeed(rounds = 3): MachineSpeed {
  let computeMs = Infinity;
  let memoryMs = Infinity;
  let sink = 0;
  for (let round = 0; round < rounds; round += 1) {
    let started = performance.now();
    sink ^= xorshift(COMPUTE_STEPS);
    computeMs = Math.min(computeMs, performance.now() - started);

    started = performance.now();
    // Outside V8's heap and too large for the allocator's pools: the kernel hands out new pages.
    const fresh = Buffer.allocUnsafeSlow(FRESH_BYTES);
    fresh.fill(round + 1);
    sink ^= fresh[FRESH_BYTES - 1]!;
    memoryMs = Math.min(memoryMs, performance.now() - started);
  }
  // The result is used, so no step of the work can be left out.
  if (sink === 0.5) throw new Error('unreachable');
  return { computeMs: Math.round(computeMs), memoryMs: Math.round(memoryMs) };
}

function xorshift(steps: number): number {
  let x = 2463534242;
  for (let step = 0; step < steps; step += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  return x;
}
