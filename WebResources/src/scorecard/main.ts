// Score card page script: web resource ls_/scripts/scorecard.js, loaded by ls_/html/scorecard.html.
//
// How the page gets its context (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/controls/getcontentwindow):
// the lead form script calls window.setClientApiContext(Xrm, formContext, explanation?) through
// getContentWindow(). If that has not happened shortly after load (the page opened outside the form
// script's reach), it falls back to parent.Xrm and the record id the form passes in the `id` query
// parameter when the control has "Pass record object-type code and unique identifier as parameters".
import { explainLeadScore, type Explanation } from "../shared/api";
import { h, replaceChildren } from "../shared/dom";
import { Formatter, userFormatSettings } from "../shared/format";
import { errorMessage, normalizeGuid, pageParameters, parentXrm } from "../shared/xrm";
import { renderMessage, renderScoreCard } from "./render";

const REASONS = 10;
const FALLBACK_AFTER_MS = 1500;

interface State {
  xrm?: Xrm.XrmStatic;
  formContext?: Xrm.FormContext;
  leadId?: string | null;
  explanation?: Explanation | null;
  fmt?: Formatter;
  contextGiven: boolean;
  loading: boolean;
}

const state: State = { contextGiven: false, loading: false };

function body(): HTMLElement {
  return document.getElementById("card-body")!;
}

function announce(text: string): void {
  const live = document.getElementById("card-status");
  if (live) replaceChildren(live, text);
}

function formatterFor(xrm: Xrm.XrmStatic | undefined): Formatter {
  const settings = userFormatSettings(xrm);
  document.documentElement.lang = settings.locale;
  document.documentElement.dir = settings.rtl ? "rtl" : "ltr";
  return new Formatter(settings);
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
  renderScoreCard(body(), e, state.fmt!, { now: new Date(), chartWidth: chartWidth() });
  // Render once more when the real chart width is known (the first pass measured the body).
  const w = chartWidth();
  const svg = document.querySelector(".chart-box svg");
  if (svg && Math.abs(Number(svg.getAttribute("width")) - w) > 2) {
    renderScoreCard(body(), e, state.fmt!, { now: new Date(), chartWidth: w });
  }
}

async function load(): Promise<void> {
  const xrm = state.xrm;
  state.leadId = leadIdFromContext();
  if (!xrm) {
    renderMessage(body(), "empty", "The score card shows on a lead form.");
    return;
  }
  if (!state.leadId) {
    renderMessage(body(), "empty", "Save the lead to see its score.");
    return;
  }
  state.loading = true;
  setBusy(true);
  try {
    state.explanation = await explainLeadScore(xrm, state.leadId, { top: REASONS });
    render();
    announce(`Score card updated: score ${state.fmt!.number(state.explanation.score)}.`);
  } catch (e) {
    renderMessage(body(), "error", "The score could not be loaded: " + errorMessage(e));
    announce("The score could not be loaded.");
  } finally {
    state.loading = false;
    setBusy(false);
  }
}

function setBusy(busy: boolean): void {
  const card = document.getElementById("card");
  card?.setAttribute("aria-busy", busy ? "true" : "false");
  const btn = document.getElementById("refresh") as HTMLButtonElement | null;
  if (btn) btn.disabled = busy;
}

/** Called by the lead form script (LeadScoring.LeadForm) with Xrm, the form context and, if it has one, the explanation. */
function setClientApiContext(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext, explanation?: Explanation | null): void {
  state.contextGiven = true;
  state.xrm = xrm;
  state.formContext = formContext;
  state.fmt = formatterFor(xrm);
  if (explanation) {
    state.leadId = leadIdFromContext();
    state.explanation = explanation;
    render();
    announce(`Score card updated: score ${state.fmt.number(explanation.score)}.`);
  } else {
    void load();
  }
}

function init(): void {
  state.fmt = formatterFor(parentXrm(window));
  const header = document.getElementById("card-actions");
  if (header) {
    const btn = h(document, "button", { id: "refresh", type: "button", class: "refresh", title: "Refresh the score" }, "Refresh");
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
    state.fmt = formatterFor(state.xrm);
    void load();
  }, FALLBACK_AFTER_MS);
  let t: number | undefined;
  window.addEventListener("resize", () => {
    window.clearTimeout(t);
    t = window.setTimeout(render, 100);
  });
}

(window as unknown as { setClientApiContext: typeof setClientApiContext }).setClientApiContext = setClientApiContext;
(window as unknown as { LeadScoringScoreCard: object }).LeadScoringScoreCard = { setClientApiContext, refresh: load };

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
