// Renders the score card from an Explanation. Pure DOM building: all data text goes into text nodes.
import type { Explanation, Reason } from "../shared/api";
import { h, replaceChildren } from "../shared/dom";
import type { Formatter } from "../shared/format";
import { StageLabels, type StageName } from "../shared/schema";
import { renderChart } from "./chart";
import { bandLabel, engagementBands, fitBands, gradeOf } from "./grade";

export const TOP_REASONS = 3;

export interface CardOptions {
  now: Date;
  /** Width available to the chart, in CSS pixels. */
  chartWidth: number;
}

export function stageLabel(stage: string | null): string {
  if (!stage) return "Unknown stage";
  return (StageLabels as Record<string, string>)[stage as StageName] ?? stage;
}

/** Why a lead is not sales-ready yet, in words; empty when it is. */
export function salesReadyGaps(e: Explanation, fmt: Formatter): string[] {
  if (e.salesReady) return [];
  const gaps: string[] = [];
  if (e.score < e.salesReadyThreshold) gaps.push(`${fmt.number(e.salesReadyThreshold - e.score)} points below the sales-ready line`);
  if (e.fit < e.minimumFit) gaps.push(`fit below the minimum of ${fmt.number(e.minimumFit)}`);
  if (e.engagement < e.minimumEngagement) gaps.push(`engagement below the minimum of ${fmt.number(e.minimumEngagement)}`);
  return gaps;
}

export function topReasons(reasons: Reason[], n = TOP_REASONS): { positive: Reason[]; negative: Reason[] } {
  const positive = reasons.filter((r) => r.points > 0).sort((a, b) => b.points - a.points).slice(0, n);
  const negative = reasons.filter((r) => r.points < 0).sort((a, b) => a.points - b.points).slice(0, n);
  return { positive, negative };
}

function reasonList(doc: Document, id: string, heading: string, items: Reason[], empty: string, fmt: Formatter): HTMLElement {
  return h(
    doc,
    "section",
    { class: "reasons", "aria-labelledby": id },
    h(doc, "h3", { id }, heading),
    items.length
      ? h(
          doc,
          "ul",
          {},
          ...items.map((r) =>
            h(
              doc,
              "li",
              { class: r.points > 0 ? "reason up" : "reason down" },
              h(doc, "span", { class: "pts" }, fmt.points(r.points)),
              " ",
              h(doc, "span", { class: "reason-name" }, r.name),
              " ",
              h(doc, "span", { class: "cat" }, r.category),
            ),
          ),
        )
      : h(doc, "p", { class: "muted" }, empty),
  );
}

function bar(doc: Document, value: number, max: number, cls: string): HTMLElement {
  const pct = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return h(doc, "span", { class: `bar ${cls}`, "aria-hidden": "true" }, h(doc, "span", { class: "fill", style: `width:${pct.toFixed(1)}%` }));
}

function currentGrade(e: Explanation): string {
  return e.grade && /^[A-Z]\d+$/.test(e.grade) ? e.grade : gradeOf(e.fit, e.engagement, e.gradeMatrix.fitBands, e.gradeMatrix.engagementBands);
}

function gradeMatrix(doc: Document, e: Explanation, fmt: Formatter): HTMLElement {
  const fb = fitBands(e.gradeMatrix.fitBands);
  const eb = engagementBands(e.gradeMatrix.engagementBands);
  const grade = currentGrade(e);
  const n = (x: number) => fmt.number(x);
  return h(
    doc,
    "table",
    { class: "grade-matrix" },
    h(doc, "caption", {}, "Grade ", h(doc, "strong", { class: "grade-value" }, grade), h(doc, "span", { class: "sr-only" }, " (fit letter, engagement digit)")),
    h(
      doc,
      "thead",
      {},
      h(
        doc,
        "tr",
        {},
        h(doc, "th", { scope: "col", class: "corner" }, h(doc, "span", { class: "band" }, "fit \\ eng.")),
        ...eb.map((b) => h(doc, "th", { scope: "col" }, b.code, h(doc, "span", { class: "band" }, bandLabel(b, n)))),
      ),
    ),
    h(
      doc,
      "tbody",
      {},
      ...fb.map((f) =>
        h(
          doc,
          "tr",
          {},
          h(doc, "th", { scope: "row" }, f.code, h(doc, "span", { class: "band" }, bandLabel(f, n))),
          ...eb.map((g) => {
            const code = f.code + g.code;
            const here = code === grade;
            return h(
              doc,
              "td",
              { class: here ? "cell current" : "cell", "aria-current": here ? "true" : null, "data-grade": code },
              code,
              here ? h(doc, "span", { class: "sr-only" }, " (this lead)") : null,
            );
          }),
        ),
      ),
    ),
  );
}

function decayStatus(doc: Document, e: Explanation, fmt: Formatter): HTMLElement {
  const d = e.decay;
  let text: string;
  let cls = "decay";
  if (!d) text = "Decay: no information.";
  else if (d.active) {
    cls += " active";
    const when =
      d.daysUntilNextDebit !== null
        ? `${fmt.inDays(d.daysUntilNextDebit)}${d.nextDebitOn ? ` (${fmt.date(d.nextDebitOn)})` : ""}`
        : d.nextDebitOn
          ? fmt.date(d.nextDebitOn)
          : "soon";
    text = `Decaying: next debit of ${fmt.number(d.points)} points ${when}.`;
  } else text = "Not decaying.";
  return h(
    doc,
    "p",
    { class: cls, "data-testid": "decay" },
    text,
    d?.lastEngagementOn ? h(doc, "span", { class: "muted" }, ` Last engagement ${fmt.date(d.lastEngagementOn)}.`) : null,
  );
}

function historyTable(doc: Document, e: Explanation, fmt: Formatter): HTMLElement {
  return h(
    doc,
    "details",
    { class: "history" },
    h(doc, "summary", {}, "Score history as a table"),
    h(
      doc,
      "table",
      {},
      h(doc, "thead", {}, h(doc, "tr", {}, ...["Date", "Change", "Reason", "Score"].map((c) => h(doc, "th", { scope: "col" }, c)))),
      h(
        doc,
        "tbody",
        {},
        ...[...e.history].reverse().map((p) =>
          h(
            doc,
            "tr",
            {},
            h(doc, "td", {}, fmt.dateTime(p.at)),
            h(doc, "td", { class: p.points >= 0 ? "num up" : "num down" }, fmt.points(p.points)),
            h(doc, "td", {}, p.reason ?? p.kind),
            h(doc, "td", { class: "num" }, fmt.number(p.score)),
          ),
        ),
      ),
    ),
  );
}

/** The score-over-time chart alone: a resize redraws only this, so the rest of the card keeps its state and focus. */
export function trendChart(doc: Document, e: Explanation, fmt: Formatter, opts: CardOptions): SVGElement {
  return renderChart(
    doc,
    {
      history: e.history,
      currentScore: e.score,
      threshold: e.salesReadyThreshold,
      now: opts.now,
      width: Math.max(200, Math.floor(opts.chartWidth)),
      height: 150,
      idPrefix: "ls-chart",
    },
    fmt,
  );
}

/** "Leads graded A2 converted 86 % of the time (backtest of 5/1/2026, 240 leads)."; nothing without a backtest for this grade. */
export function gradeMeaning(doc: Document, e: Explanation, grade: string, fmt: Formatter): HTMLElement | null {
  const c = e.gradeConversion;
  if (!c || c.grade !== grade) return null;
  return h(
    doc,
    "p",
    { class: "grade-meaning", "data-testid": "grade-meaning" },
    `Leads graded ${c.grade} converted ${fmt.percent(c.converted / c.leads)} of the time `,
    h(doc, "span", { class: "muted" }, `(backtest of ${fmt.day(c.measuredOn)}, ${fmt.number(c.sampleLeads)} leads).`),
  );
}

/** Renders the whole card into `root`. */
export function renderScoreCard(root: HTMLElement, e: Explanation, fmt: Formatter, opts: CardOptions): void {
  const doc = root.ownerDocument;
  const gaps = salesReadyGaps(e, fmt);
  const { positive, negative } = topReasons(e.reasons);
  const fitMax = Math.max(e.gradeMatrix.fitBands[0] ?? 0, e.minimumFit, e.fit, 1) * 1.25;
  const engMax = Math.max(e.gradeMatrix.engagementBands[0] ?? 0, e.minimumEngagement, e.engagement, 1) * 1.25;

  const handBack =
    e.handBackCount > 0
      ? h(
          doc,
          "p",
          { class: "handback", "data-testid": "handback" },
          `Handed back to marketing ${fmt.number(e.handBackCount)} ${e.handBackCount === 1 ? "time" : "times"}. Latest reason: `,
          h(doc, "q", { class: "handback-reason" }, e.handBackReason ?? "none given"),
        )
      : null;

  const summary = h(
    doc,
    "section",
    { class: "summary", "aria-labelledby": "ls-score-heading" },
    h(doc, "h2", { id: "ls-score-heading", class: "sr-only" }, "Score"),
    h(
      doc,
      "p",
      { class: "score" },
      h(doc, "span", { class: "score-value", "data-testid": "score" }, fmt.number(e.score)),
      h(doc, "span", { class: "score-unit" }, " points"),
    ),
    h(
      doc,
      "p",
      { class: "badges" },
      h(doc, "span", { class: `badge stage stage-${(e.stage ?? "unknown").toLowerCase()}`, "data-testid": "stage" }, stageLabel(e.stage)),
      " ",
      e.salesReady
        ? h(doc, "span", { class: "badge ready", "data-testid": "sales-ready" }, "Sales-ready")
        : h(doc, "span", { class: "badge not-ready", "data-testid": "sales-ready" }, "Not sales-ready"),
    ),
    gaps.length ? h(doc, "p", { class: "gaps muted" }, gaps.join("; ") + ".") : null,
    handBack,
    h(
      doc,
      "dl",
      { class: "breakdown" },
      h(doc, "div", {}, h(doc, "dt", {}, "Fit"), h(doc, "dd", { "data-testid": "fit" }, fmt.number(e.fit)), bar(doc, e.fit, fitMax, "fit")),
      h(
        doc,
        "div",
        {},
        h(doc, "dt", {}, "Engagement"),
        h(doc, "dd", { "data-testid": "engagement" }, fmt.number(e.engagement)),
        bar(doc, e.engagement, engMax, "engagement"),
      ),
    ),
    gradeMatrix(doc, e, fmt),
    gradeMeaning(doc, e, currentGrade(e), fmt),
  );

  const trend = h(
    doc,
    "section",
    { class: "trend", "aria-labelledby": "ls-trend-heading" },
    h(doc, "h3", { id: "ls-trend-heading" }, "Score over time"),
    h(doc, "div", { class: "chart-box" }, trendChart(doc, e, fmt, opts)),
    e.history.length ? historyTable(doc, e, fmt) : null,
    decayStatus(doc, e, fmt),
  );

  const why = h(
    doc,
    "div",
    { class: "why" },
    reasonList(doc, "ls-up-heading", "Raising the score", positive, "No rule has raised the score yet.", fmt),
    reasonList(doc, "ls-down-heading", "Lowering the score", negative, "Nothing has lowered the score.", fmt),
  );

  const footer = h(
    doc,
    "p",
    { class: "model muted" },
    "Model ",
    h(doc, "span", { class: "model-name" }, e.modelName ?? "unknown"),
    e.modelVersion !== null ? ` v${fmt.number(e.modelVersion)}` : "",
  );

  replaceChildren(root, h(doc, "div", { class: "card-grid" }, summary, h(doc, "div", { class: "side" }, trend, why)), footer);
}

/** A one-line message state: loading, no lead yet, or an error (the message is data: text only). */
export function renderMessage(root: HTMLElement, kind: "loading" | "empty" | "error", message: string): void {
  const doc = root.ownerDocument;
  replaceChildren(
    root,
    h(doc, "p", { class: `message ${kind}`, role: kind === "error" ? "alert" : null, "data-testid": `state-${kind}` }, message),
  );
}
