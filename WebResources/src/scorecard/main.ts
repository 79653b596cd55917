// Score card page script: web resource ls_/scripts/scorecard.js, loaded by ls_/html/scorecard.html.
//
// How the page gets its context (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/controls/getcontentwindow):
// the lead form script calls window.setClientApiContext(Xrm, formContext, explanation?) through
// getContentWindow(). If that has not happened shortly after load (the page opened outside the form
// script's reach), it falls back to parent.Xrm and the record id the form passes in the `id` query
// parameter when the control has "Pass record object-type code and unique identifier as parameters".
import { explainLeadScore, MaxReasons, type Explanation } from "../shared/api";
import { h, replaceChildren } from "../shared/dom";
import { Formatter, loadUserFormatSettings } from "../shared/format";
import { errorMessage, normalizeGuid, pageParameters, parentXrm } from "../shared/xrm";
import { renderMessage, renderScoreCard, trendChart } from "./render";
import { applyHostTheme } from "../shared/theme";

const REASONS = MaxReasons;
const FALLBACK_AFTER_MS = 1500;

interface State {
  xrm?: Xrm.XrmStatic;
  formContext?: Xrm.FormContext;
  leadId?: string | null;
  explanation?: Explanation | null;
  fmt: Formatter;
  contextGiven: boolean;
  loading: boolean;
}

// Until the user's formats are known: the page's own language (lang="en" in the HTML).
const state: State = { contextGiven: false, loading: false, fmt: new Formatter({ locale: "en-US", timeZoneOffsetMinutes: null }) };

function body(): HTMLElement {
  return document.getElementById("card-body")!;
}

/** The live region sits outside the busy card, so screen readers announce it while the card is busy. */
function announce(text: string): void {
  const live = document.getElementById("card-status");
  if (live) replaceChildren(live, text);
}

/** aria-busy on the card while it loads; cleared on every path (data, message, error). */
function setBusy(busy: boolean): void {
  document.getElementById("card")?.setAttribute("aria-busy", busy ? "true" : "false");
  document.getElementById("refresh")?.setAttribute("aria-disabled", busy ? "true" : "false");
}

async function useFormatsOf(xrm: Xrm.XrmStatic | undefined): Promise<void> {
  state.fmt = new Formatter(await loadUserFormatSettings(xrm));
}

function leadIdFromContext(): string | null {
  const fromForm = normalizeGuid(state.formContext?.data?.entity?.getId?.() ?? null);
  return fromForm ?? normalizeGuid(pageParameters(window).get("id"));
}

function chartWidth(): number {
  const box = document.querySelector(".chart-box") as HTMLElement | null;
  const w = box?.clientWidth || body().clientWidth || window.innerWidth || 320;
  return Math.max(200, w);
}

function render(): void {
  const e = state.explanation;
  if (!e) return;
  renderScoreCard(body(), e, state.fmt, { now: new Date(), chartWidth: chartWidth() });
  // The first pass measured the body; draw the chart again once its box has its real width.
  redrawChart();
}

/** Redraws only the chart (on resize): an open history table, the focus and the rest of the card stay as they are. */
function redrawChart(): void {
  const e = state.explanation;
  const box = document.querySelector(".chart-box");
  const svg = box?.querySelector("svg");
  const w = chartWidth();
  if (!e || !box || (svg && Math.abs(Number(svg.getAttribute("width")) - w) <= 2)) return;
  replaceChildren(box as HTMLElement, trendChart(document, e, state.fmt, { now: new Date(), chartWidth: w }));
}

function showExplanation(e: Explanation): void {
  state.explanation = e;
  render();
  announce(`Score card updated: score ${state.fmt.number(e.score)}.`);
}

async function load(): Promise<void> {
  if (state.loading) return;
  const xrm = state.xrm;
  state.leadId = leadIdFromContext();
  state.loading = true;
  setBusy(true);
  try {
    if (!xrm) renderMessage(body(), "empty", "The score card shows on a lead form.");
    else if (!state.leadId) renderMessage(body(), "empty", "Save the lead to see its score.");
    else {
      const [explanation] = await Promise.all([explainLeadScore(xrm, state.leadId, { top: REASONS }), useFormatsOf(xrm)]);
      showExplanation(explanation);
    }
  } catch (e) {
    renderMessage(body(), "error", "The score could not be loaded: " + errorMessage(e));
    announce("The score could not be loaded.");
  } finally {
    state.loading = false;
    setBusy(false);
  }
}

/** Called by the lead form script (LeadScoring.LeadForm) with Xrm, the form context and, if it has one, the explanation. */
async function setClientApiContext(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext, explanation?: Explanation | null): Promise<void> {
  state.contextGiven = true;
  state.xrm = xrm;
  state.formContext = formContext;
  if (!explanation) return load();
  setBusy(true);
  try {
    await useFormatsOf(xrm);
    state.leadId = leadIdFromContext();
    showExplanation(explanation);
  } finally {
    setBusy(false);
  }
}

function init(): void {
  applyHostTheme(window);
  const header = document.getElementById("card-actions");
  if (header) {
    // Never disabled while loading (a disabled button drops the focus to the page): a click then does nothing.
    const btn = h(document, "button", { id: "refresh", type: "button", class: "refresh" }, "Refresh");
    btn.addEventListener("click", () => {
      if (!state.xrm) state.xrm = parentXrm(window);
      void load();
    });
    replaceChildren(header, btn);
  }
  if (!state.explanation) renderMessage(body(), "loading", "Loading the score…");
  window.setTimeout(() => {
    if (state.contextGiven) return;
    state.xrm = parentXrm(window);
    void load();
  }, FALLBACK_AFTER_MS);
  let t: number | undefined;
  window.addEventListener("resize", () => {
    window.clearTimeout(t);
    t = window.setTimeout(redrawChart, 100);
  });
}

(window as unknown as { setClientApiContext: typeof setClientApiContext }).setClientApiContext = setClientApiContext;
(window as unknown as { LeadScoringScoreCard: object }).LeadScoringScoreCard = { setClientApiContext, refresh: load };

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
