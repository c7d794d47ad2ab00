/**
 * An SVG chart of build wall time against story count, one line per kind of build, drawn
 * without a charting library so the benchmark has no extra dependency.
 */

export type ChartSeries = { label: string; colour: string; points: { x: number; y: number }[] };

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { top: 56, right: 190, bottom: 56, left: 72 };

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value) ?? 10 * magnitude;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const format = (value: number) => (Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(1));

export function renderChart(input: { title: string; xLabel: string; yLabel: string; series: ChartSeries[]; note?: string }): string {
  const points = input.series.flatMap((series) => series.points);
  const xMax = niceMax(Math.max(1, ...points.map((point) => point.x)));
  const yMax = niceMax(Math.max(1, ...points.map((point) => point.y)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (value: number) => MARGIN.left + (value / xMax) * plotWidth;
  const y = (value: number) => MARGIN.top + plotHeight - (value / yMax) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1];

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${escape(input.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escape(input.title)}</text>`,
  ];
  for (const tick of ticks) {
    const value = tick * yMax;
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(value)}" y2="${y(value)}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 8}" y="${y(value) + 4}" text-anchor="end">${format(value)}</text>`,
    );
    const xValue = tick * xMax;
    parts.push(`<text x="${x(xValue)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${format(xValue)}</text>`);
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 14}" text-anchor="middle">${escape(input.xLabel)}</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escape(input.yLabel)}</text>`,
  );
  input.series.forEach((series, index) => {
    const sorted = [...series.points].sort((a, b) => a.x - b.x);
    if (sorted.length > 1) {
      parts.push(
        `<polyline fill="none" stroke="${series.colour}" stroke-width="2" points="${sorted.map((point) => `${x(point.x)},${y(point.y)}`).join(' ')}"/>`,
      );
    }
    for (const point of sorted) {
      parts.push(
        `<circle cx="${x(point.x)}" cy="${y(point.y)}" r="4" fill="${series.colour}"><title>${escape(`${series.label}: ${format(point.x)} stories, ${format(point.y)} s`)}</title></circle>`,
        `<text x="${x(point.x) + 6}" y="${y(point.y) - 6}" fill="${series.colour}">${format(point.y)}</text>`,
      );
    }
    const legendY = MARGIN.top + 10 + index * 20;
    parts.push(
      `<line x1="${WIDTH - MARGIN.right + 16}" x2="${WIDTH - MARGIN.right + 36}" y1="${legendY}" y2="${legendY}" stroke="${series.colour}" stroke-width="2"/>`,
      `<text x="${WIDTH - MARGIN.right + 42}" y="${legendY + 4}">${escape(series.label)}</text>`,
    );
  });
  if (input.note) parts.push(`<text x="${MARGIN.left}" y="40" fill="#555">${escape(input.note)}</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
