// The score over time as a small SVG step chart, with the sales-ready line. Built with DOM calls only.
import type { HistoryPoint } from "../shared/api";
import { s } from "../shared/dom";
import type { Formatter } from "../shared/format";

export interface ChartInput {
  history: HistoryPoint[];
  currentScore: number;
  threshold: number;
  now: Date;
  width: number;
  height: number;
  idPrefix: string;
}

/** A round step (1, 2, 2.5 or 5 × 10^n) that covers `span` in at most `ticks` steps. */
export function niceStep(span: number, ticks: number): number {
  const raw = Math.max(span, 1) / ticks;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

/** A sentence describing the trend, used as the chart's accessible description. */
export function describeTrend(input: ChartInput, fmt: Formatter): string {
  const h = input.history;
  if (h.length === 0) return `No score events yet. The score is ${fmt.number(input.currentScore)}; the sales-ready line is at ${fmt.number(input.threshold)}.`;
  const first = h[0]!;
  const last = h[h.length - 1]!;
  const peak = h.reduce((m, p) => (p.score > m.score ? p : m), first);
  let crossed = "";
  for (let i = 0; i < h.length; i++) {
    const prev = i === 0 ? 0 : h[i - 1]!.score;
    if (prev < input.threshold && h[i]!.score >= input.threshold) crossed = ` It crossed the sales-ready line on ${fmt.date(h[i]!.at)}.`;
  }
  return (
    `${fmt.number(h.length)} score events from ${fmt.date(first.at)} to ${fmt.date(last.at)}. ` +
    `The score went from ${fmt.number(first.score)} to ${fmt.number(last.score)}, peaking at ${fmt.number(peak.score)}; ` +
    `the sales-ready line is at ${fmt.number(input.threshold)}.` +
    crossed
  );
}

export function renderChart(doc: Document, input: ChartInput, fmt: Formatter): SVGElement {
  const { width: W, height: H, threshold } = input;
  const pad = { l: 34, r: 12, t: 12, b: 22 };
  const plotW = Math.max(40, W - pad.l - pad.r);
  const plotH = Math.max(40, H - pad.t - pad.b);

  const pts = input.history.map((p) => ({ t: new Date(p.at).getTime(), score: p.score, p }));
  const tEnd = Math.max(input.now.getTime(), pts.length ? pts[pts.length - 1]!.t : input.now.getTime());
  const tStart = pts.length ? Math.min(pts[0]!.t, tEnd - 86_400_000) : tEnd - 30 * 86_400_000;
  const scores = [0, threshold, input.currentScore, ...pts.map((p) => p.score)];
  const lo = Math.min(...scores);
  const hi = Math.max(...scores) * 1.1;
  const ticks = 4;
  const step = niceStep(hi - Math.min(lo, 0), ticks);
  const yMin = Math.floor(Math.min(lo, 0) / step) * step;
  const yMax = Math.max(yMin + step, Math.ceil(hi / step) * step);
  const x = (t: number) => pad.l + ((t - tStart) / Math.max(1, tEnd - tStart)) * plotW;
  const y = (v: number) => pad.t + (1 - (v - yMin) / Math.max(1, yMax - yMin)) * plotH;

  const titleId = `${input.idPrefix}-title`;
  const descId = `${input.idPrefix}-desc`;
  const svg = s(doc, "svg", {
    class: "chart",
    width: W,
    height: H,
    viewBox: `0 0 ${W} ${H}`,
    role: "img",
    "aria-labelledby": `${titleId} ${descId}`,
    focusable: "false",
  });
  svg.appendChild(s(doc, "title", { id: titleId }, "Score over time"));
  svg.appendChild(s(doc, "desc", { id: descId }, describeTrend(input, fmt)));

  // Horizontal grid and y labels.
  for (let v = yMin; v <= yMax + 1e-9; v += step) {
    svg.appendChild(s(doc, "line", { class: "grid", x1: pad.l, x2: pad.l + plotW, y1: y(v), y2: y(v) }));
    svg.appendChild(s(doc, "text", { class: "axis", x: pad.l - 6, y: y(v) + 4, "text-anchor": "end" }, fmt.number(v)));
  }
  // X labels: first and last day.
  svg.appendChild(s(doc, "text", { class: "axis", x: pad.l, y: H - 6, "text-anchor": "start" }, fmt.shortDate(new Date(tStart))));
  svg.appendChild(s(doc, "text", { class: "axis", x: pad.l + plotW, y: H - 6, "text-anchor": "end" }, fmt.shortDate(new Date(tEnd))));

  // The sales-ready line.
  const ty = y(threshold);
  svg.appendChild(s(doc, "line", { class: "threshold", x1: pad.l, x2: pad.l + plotW, y1: ty, y2: ty }));
  svg.appendChild(
    s(doc, "text", { class: "threshold-label", x: pad.l + 4, y: ty - 4, "text-anchor": "start" }, `Sales-ready ${fmt.number(threshold)}`),
  );

  if (pts.length) {
    // Step line: the score holds until the next event.
    let d = `M ${x(pts[0]!.t).toFixed(1)} ${y(0).toFixed(1)} V ${y(pts[0]!.score).toFixed(1)}`;
    for (let i = 1; i < pts.length; i++) d += ` H ${x(pts[i]!.t).toFixed(1)} V ${y(pts[i]!.score).toFixed(1)}`;
    d += ` H ${x(tEnd).toFixed(1)}`;
    if (input.currentScore !== pts[pts.length - 1]!.score) d += ` V ${y(input.currentScore).toFixed(1)}`;
    svg.appendChild(s(doc, "path", { class: "line", d }));
    for (const p of pts) {
      const label = `${fmt.date(p.p.at)}: ${fmt.points(p.p.points)} (${p.p.reason ?? p.p.kind}) → ${fmt.number(p.score)}`;
      svg.appendChild(
        s(doc, "circle", { class: p.score >= threshold ? "dot above" : "dot", cx: x(p.t), cy: y(p.score), r: 3 }, s(doc, "title", {}, label)),
      );
    }
  }
  return svg;
}
