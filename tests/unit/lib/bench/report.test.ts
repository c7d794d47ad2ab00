import { describe, expect, it } from 'vitest';
import { renderChart } from '@/lib/bench/chart';
import { cardsCpuMs, childCpuMs, marginalMsPerPage, medianBuild, selfTimedStep, spread } from '@/lib/bench/report';

describe('benchmark reporting', () => {
  it("reads the build's CPU time from bash's times", () => {
    expect(childCpuMs(['bench-cpu-times', '0m0.010s 0m0.004s', '1m2.500s 0m10.250s'])).toBe(72_750);
    expect(childCpuMs(['nothing'])).toBe(0);
  });

  it('takes the marginal cost per page as the slope, leaving out the fixed cost', () => {
    // 20 s fixed plus 12 ms a page.
    const points = [204, 2004, 10004].map((pages) => ({ pages, ms: 20_000 + 12 * pages }));
    expect(marginalMsPerPage(points)).toBeCloseTo(12, 6);
    expect(marginalMsPerPage(points.slice(0, 1))).toBeUndefined();
  });

  it('picks up steps that report their own time', () => {
    expect(selfTimedStep('postexport: 204 pages made static (...) in 383 ms')).toEqual({ name: 'postexport', ms: 383 });
    expect(selfTimedStep('social cards: 2000 rendered in 4.5 s')).toEqual({ name: 'social cards', ms: 4500 });
    expect(selfTimedStep('social cards: 2003 rendered (12.9 s of CPU), 0 from cache in 20804 ms')).toEqual({ name: 'social cards', ms: 20804 });
    // Each step of the post-export pass is its own phase, so the cards get their own line.
    expect(selfTimedStep('postexport: social cards: 3 rendered, 5 from cache in 15 ms')).toEqual({ name: 'postexport: social cards', ms: 15 });
    expect(selfTimedStep('postexport: sitemap: 18 URLs in schema order in 5 ms')).toEqual({ name: 'postexport: sitemap', ms: 5 });
    expect(selfTimedStep('build-fonts: done in 2001 ms')).toEqual({ name: 'build-fonts', ms: 2001 });
    expect(selfTimedStep('✓ Compiled successfully in 9.8s')).toBeUndefined();
  });

  it('draws a chart with a point per run and a legend', () => {
    const svg = renderChart({
      title: 'Build wall time',
      xLabel: 'stories',
      yLabel: 'seconds',
      series: [
        { label: 'cold build', colour: '#9b1c1c', points: [{ x: 100, y: 20 }, { x: 1000, y: 38.5 }] },
        { label: 'one story changed', colour: '#0b4f8a', points: [{ x: 100, y: 9 }] },
      ],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain('cold build');
    expect(svg).toContain('38.5');
    expect(svg).toContain('<polyline');
  });
});

describe('cardsCpuMs', () => {
  it("reads the cards process's own CPU time, and nothing from other lines", () => {
    expect(cardsCpuMs('social cards: 2003 rendered (12.9 s of CPU), 0 from cache in 20804 ms')).toBe(12900);
    expect(cardsCpuMs('postexport: social cards: 0 rendered, 2003 from cache in 13708 ms')).toBeUndefined();
  });
});

describe('repeated builds', () => {
  const build = (wallMs: number, peakRssBytes = 1e9) => ({ wallMs, cpuMs: wallMs * 1.6, peakRssBytes });

  it('stand for the median build by wall time, one that really ran', () => {
    const builds = [build(48_300), build(42_000), build(54_700)];
    expect(medianBuild(builds)).toBe(builds[0]);
    // Of an even number, the faster of the middle two.
    expect(medianBuild([build(50_000), build(44_000), build(46_000), build(60_000)]).wallMs).toBe(46_000);
    expect(medianBuild([build(43_600)]).wallMs).toBe(43_600);
    expect(() => medianBuild([])).toThrow('no builds');
  });

  it('report the range of each figure', () => {
    const builds = [build(48_300, 1.1e9), build(42_000, 1.2e9), build(54_700, 1.0e9)];
    expect(spread(builds, (b) => b.wallMs)).toEqual({ min: 42_000, max: 54_700 });
    expect(spread(builds, (b) => b.peakRssBytes)).toEqual({ min: 1.0e9, max: 1.2e9 });
  });
});
