/**
 * Server-rendered SVG line/band chart: no chart library, no JavaScript, prints well.
 * Series share one x axis of equally spaced points; bands (prediction intervals) are drawn
 * beneath the lines. Labels come in already translated.
 */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** CSS class for the stroke colour, e.g. 'series-voice'. */
  className: string;
  dashed?: boolean;
}

export interface ChartBand {
  label: string;
  lower: (number | null)[];
  upper: (number | null)[];
  fill: string;
}

export interface LineChartInput {
  title: string;
  xLabels: string[];
  /** Draw a tick label every `labelEvery` points (e.g. 24 for one per day on hourly data). */
  labelEvery: number;
  series: ChartSeries[];
  bands?: ChartBand[];
  width?: number;
  height?: number;
  /** Index of a vertical marker (e.g. where history ends and the forecast begins). */
  markerAt?: number;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const steps = [1, 2, 2.5, 5, 10];
  return (steps.find((s) => s * magnitude >= max) ?? 10) * magnitude;
}

function pathOf(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

function bandPath(band: ChartBand, x: (i: number) => number, y: (v: number) => number): string {
  const idx = band.lower.map((_, i) => i).filter((i) => band.lower[i] !== null && band.upper[i] !== null);
  if (idx.length === 0) return '';
  const top = idx.map((i) => `${x(i).toFixed(1)},${y(band.upper[i] as number).toFixed(1)}`);
  const bottom = idx.reverse().map((i) => `${x(i).toFixed(1)},${y(band.lower[i] as number).toFixed(1)}`);
  return `M${top.join('L')}L${bottom.join('L')}Z`;
}

export function lineChartSvg(input: LineChartInput): string {
  const width = input.width ?? 960;
  const height = input.height ?? 260;
  const pad = { left: 48, right: 12, top: 14, bottom: 34 };
  const n = Math.max(1, input.xLabels.length);
  const all = [...input.series.flatMap((s) => s.values), ...(input.bands ?? []).flatMap((b) => b.upper)].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  const yMax = niceMax(Math.max(0, ...all));
  const x = (i: number) => pad.left + (n === 1 ? 0 : (i * (width - pad.left - pad.right)) / (n - 1));
  const y = (v: number) => pad.top + (1 - v / yMax) * (height - pad.top - pad.bottom);
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (yMax * k) / 4;
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e6e9ee"/>`);
    parts.push(`<text x="${pad.left - 6}" y="${y(v) + 4}" text-anchor="end">${Number(v.toPrecision(3))}</text>`);
  }
  input.xLabels.forEach((label, i) => {
    if (i % input.labelEvery !== 0) return;
    parts.push(`<line x1="${x(i)}" x2="${x(i)}" y1="${pad.top}" y2="${height - pad.bottom}" stroke="#f0f2f5"/>`);
    parts.push(`<text x="${x(i) + 3}" y="${height - pad.bottom + 16}">${esc(label)}</text>`);
  });
  for (const band of input.bands ?? []) {
    parts.push(`<path d="${bandPath(band, x, y)}" fill="${band.fill}" stroke="none"><title>${esc(band.label)}</title></path>`);
  }
  if (input.markerAt !== undefined) {
    parts.push(
      `<line x1="${x(input.markerAt)}" x2="${x(input.markerAt)}" y1="${pad.top}" y2="${height - pad.bottom}" stroke="#5b6675" stroke-dasharray="4 3"/>`,
    );
  }
  for (const s of input.series) {
    parts.push(
      `<path d="${pathOf(s.values, x, y)}" class="${s.className}" fill="none" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5 3"' : ''}><title>${esc(s.label)}</title></path>`,
    );
  }
  const legend = [...input.series.map((s) => `<tspan class="${s.className}-text">■ ${esc(s.label)}</tspan>`)].join('  ');
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(input.title)}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${esc(input.title)}</title>${parts.join('')}` +
    `<text x="${pad.left}" y="${height - 4}">${legend}</text></svg>`
  );
}
