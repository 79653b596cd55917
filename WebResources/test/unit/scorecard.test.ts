import { beforeEach, describe, expect, it } from "vitest";
import { parseExplanation } from "../../src/shared/api";
import { Formatter } from "../../src/shared/format";
import { renderMessage, renderScoreCard, salesReadyGaps, topReasons } from "../../src/scorecard/render";
import { fixture } from "./helpers";

const fmt = new Formatter({ locale: "en-US", timeZoneOffsetMinutes: 0 });
const now = new Date("2026-05-24T12:00:00Z");
const card = (name: string) => parseExplanation(JSON.stringify(fixture(name)));

let root: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement("div");
  document.body.appendChild(root);
});

const text = (sel: string) => root.querySelector(sel)?.textContent ?? null;

describe("score card", () => {
  it("shows score, fit, engagement, stage and sales-ready for a sales-ready lead", () => {
    renderScoreCard(root, card("explanation-salesready.json"), fmt, { now, chartWidth: 400 });
    expect(text('[data-testid="score"]')).toBe("112");
    expect(text('[data-testid="fit"]')).toBe("65");
    expect(text('[data-testid="engagement"]')).toBe("47");
    expect(text('[data-testid="stage"]')).toBe("Marketing Qualified");
    expect(text('[data-testid="sales-ready"]')).toBe("Sales-ready");
    expect(root.querySelector(".gaps")).toBeNull();
    expect(text(".model")).toBe("Model Default v3");
  });

  it("marks the lead's cell in the grade matrix, for eyes and for screen readers", () => {
    renderScoreCard(root, card("explanation-salesready.json"), fmt, { now, chartWidth: 400 });
    const cells = [...root.querySelectorAll(".grade-matrix td")].map((c) => c.getAttribute("data-grade"));
    expect(cells).toEqual(["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"]);
    const current = root.querySelectorAll('.grade-matrix td[aria-current="true"]');
    expect(current).toHaveLength(1);
    expect(current[0]!.getAttribute("data-grade")).toBe("A2");
    expect(current[0]!.textContent).toBe("A2 (this lead)");
    const headers = [...root.querySelectorAll(".grade-matrix thead th")].map((c) => c.textContent);
    expect(headers.slice(1)).toEqual(["1≥ 80", "240–79", "3< 40"]);
    expect(root.querySelectorAll('.grade-matrix th[scope="row"]')).toHaveLength(3);
  });

  it("says what the grade means when the model has a backtest, and nothing when it has none", () => {
    renderScoreCard(root, card("explanation-salesready.json"), fmt, { now, chartWidth: 400 });
    expect(text('[data-testid="grade-meaning"]')).toBe("Leads graded A2 converted 86 % of the time (backtest of May 1, 2026, 240 leads).");
    renderScoreCard(root, card("explanation-recycled.json"), fmt, { now, chartWidth: 400 });
    expect(root.querySelector('[data-testid="grade-meaning"]')).toBeNull();
    // Figures for another grade than the lead's say nothing about this lead.
    const other = { ...card("explanation-salesready.json"), grade: "B1" };
    renderScoreCard(root, other, fmt, { now, chartWidth: 400 });
    expect(root.querySelector('[data-testid="grade-meaning"]')).toBeNull();
  });

  it("lists the top three positive and negative reasons, largest first", () => {
    renderScoreCard(root, card("explanation-salesready.json"), fmt, { now, chartWidth: 400 });
    const up = [...root.querySelectorAll(".reason.up")].map((li) => li.querySelector(".reason-name")!.textContent);
    const down = [...root.querySelectorAll(".reason.down")].map((li) => li.textContent);
    expect(up).toEqual(["Whitepaper download", "Company size 500+", "Webinar attended"]);
    expect(down).toEqual(["-30 Four emails without an open or click engagement", "-10 Personal email domain fit", "-3 Decay for inactivity engagement"]);
    expect(root.querySelector(".reason.up .pts")!.textContent).toBe("+30");
  });

  it("draws the score over time with the sales-ready line and describes it for screen readers", () => {
    renderScoreCard(root, card("explanation-salesready.json"), fmt, { now, chartWidth: 400 });
    const svg = root.querySelector("svg.chart")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("width")).toBe("400");
    expect(svg.querySelectorAll("circle.dot")).toHaveLength(8);
    expect(svg.querySelector("line.threshold")).not.toBeNull();
    expect(svg.querySelector(".threshold-label")!.textContent).toBe("Sales-ready 100");
    const desc = svg.querySelector("desc")!.textContent!;
    expect(desc).toContain("8 score events from May 1, 2026 to May 22, 2026");
    expect(desc).toContain("It crossed the sales-ready line on May 15, 2026.");
    // The same history as a table, newest first.
    const rows = root.querySelectorAll("details.history tbody tr");
    expect(rows).toHaveLength(8);
    expect(rows[0]!.textContent).toContain("Decay for inactivity");
  });

  it("shows the recycled lead's stage, hand-back reason, gaps and decay", () => {
    renderScoreCard(root, card("explanation-recycled.json"), fmt, { now, chartWidth: 300 });
    expect(text('[data-testid="stage"]')).toBe("Recycled");
    expect(text('[data-testid="sales-ready"]')).toBe("Not sales-ready");
    expect(text(".gaps")).toBe("15 points below the sales-ready line.");
    expect(text('[data-testid="handback"]')).toBe(
      "Handed back to marketing 1 time. Latest reason: Budget frozen until Q3 — call back in July",
    );
    expect(text('[data-testid="decay"]')).toBe("Decaying: next debit of 5 points in 4 days (May 28, 2026). Last engagement May 3, 2026.");
    expect(root.querySelector('.grade-matrix td[aria-current="true"]')!.getAttribute("data-grade")).toBe("B3");
  });

  it("renders markup in rule names, reasons and the model name as text", () => {
    renderScoreCard(root, card("explanation-xss.json"), fmt, { now, chartWidth: 400 });
    // No element was created from data: no img, no script, no nested svg, no bold.
    expect(root.querySelectorAll("img, script, b, i")).toHaveLength(0);
    expect(root.querySelectorAll("svg")).toHaveLength(1);
    expect(root.querySelectorAll("[onerror], [onload]")).toHaveLength(0);
    const names = [...root.querySelectorAll(".reason-name")].map((n) => n.textContent);
    expect(names).toContain("<img src=x onerror=alert(1)>");
    expect(names).toContain("<svg onload=alert(2)></svg>");
    expect(root.innerHTML).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(text(".handback-reason")).toBe("<script>alert('reason')</script>");
    expect(text(".model-name")).toBe("<b>Bold</b> model");
    // The chart's tooltips carry the reason as text too.
    const titles = [...root.querySelectorAll("circle title")].map((t) => t.textContent);
    expect(titles[0]).toContain("<img src=x onerror=alert(1)>");
  });

  it("shows loading, empty and error states; an error message is text", () => {
    renderMessage(root, "error", "The score could not be loaded: <img src=x onerror=alert(1)>");
    expect(root.querySelector('[role="alert"]')!.textContent).toBe("The score could not be loaded: <img src=x onerror=alert(1)>");
    expect(root.querySelector("img")).toBeNull();
  });
});

describe("card helpers", () => {
  it("explains why a lead is not sales-ready", () => {
    const e = card("explanation-xss.json");
    expect(salesReadyGaps(e, fmt)).toEqual(["58 points below the sales-ready line", "engagement below the minimum of 30"]);
  });

  it("splits reasons into positive and negative", () => {
    const { positive, negative } = topReasons(card("explanation-recycled.json").reasons, 2);
    expect(positive.map((r) => r.points)).toEqual([30, 25]);
    expect(negative.map((r) => r.points)).toEqual([-35, -10]);
  });
});
