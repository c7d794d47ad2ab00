/** Pure helpers of the build benchmark (scripts/bench.ts), kept apart so they can be tested. */

/** Parses bash's `times` output: the second line is the user and system time of the children. */
export function childCpuMs(lines: string[]): number {
  const children = lines.filter((line) => /^\d+m[\d.]+s \d+m[\d.]+s$/.test(line.trim()))[1];
  if (!children) return 0;
  return Math.round(
    children
      .trim()
      .split(' ')
      .map((part) => {
        const [, minutes, secs] = /^(\d+)m([\d.]+)s$/.exec(part) ?? ['', '0', '0'];
        return (Number(minutes) * 60 + Number(secs)) * 1000;
      })
      .reduce((sum, ms) => sum + ms, 0),
  );
}

/**
 * Marginal cost per page: the least-squares slope of a cost (ms) against page count over the
 * runs, which leaves out the fixed part of a build (compiling the code, starting workers).
 */
export function marginalMsPerPage(points: { pages: number; ms: number }[]): number | undefined {
  if (points.length < 2) return undefined;
  const meanX = points.reduce((sum, point) => sum + point.pages, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.ms, 0) / points.length;
  const sxx = points.reduce((sum, point) => sum + (point.pages - meanX) ** 2, 0);
  if (sxx === 0) return undefined;
  const sxy = points.reduce((sum, point) => sum + (point.pages - meanX) * (point.ms - meanY), 0);
  return sxy / sxx;
}

/** Steps that time themselves in the build output, e.g. `postexport: 204 pages ... in 383 ms`. */
export function selfTimedStep(line: string): { name: string; ms: number } | undefined {
  // "postexport: social cards: 3 rendered, 5 from cache in 15 ms" names the step "postexport: social cards".
  const match = /^([a-z][\w -]*(?:: [a-z][\w -]*(?=: ))?): .* in (\d+(?:\.\d+)?) ?(ms|s)\b/i.exec(line.trim());
  return match ? { name: match[1], ms: Number(match[2]) * (match[3] === 's' ? 1000 : 1) } : undefined;
}

/** The CPU time the cards process reports: "social cards: 2003 rendered (12.9 s of CPU), ..." (ms). */
export function cardsCpuMs(line: string): number | undefined {
  const match = /^social cards: .*\(([\d.]+) s of CPU\)/.exec(line.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/** What the benchmark keeps of each of several builds of one kind (cold, or one story changed). */
export type BuildFigures = {
  wallMs: number;
  cpuMs: number;
  peakRssBytes: number;
  cardsCpuMs?: number;
  load?: { before: number[]; after: number[] };
  /** The machine's speed just before the build (lib/bench/machine-speed.ts). */
  speed?: { computeMs: number; memoryMs: number };
};

/**
 * The build a repeated measurement stands for: the median by wall time (of an even number, the
 * faster of the middle two), a build that really ran, with its phases, rather than an average
 * of builds that did not.
 */
export function medianBuild<T extends { wallMs: number }>(builds: readonly T[]): T {
  if (builds.length === 0) throw new Error('medianBuild: no builds');
  const ordered = [...builds].sort((a, b) => a.wallMs - b.wallMs);
  return ordered[Math.floor((ordered.length - 1) / 2)]!;
}

/** The range of a figure over repeated builds, printed beside the median: "46.1 s wall (42.0 s-50.3 s)". */
export function spread(builds: readonly BuildFigures[], figure: (build: BuildFigures) => number): { min: number; max: number } {
  const values = builds.map(figure);
  return { min: Math.min(...values), max: Math.max(...values) };
}
