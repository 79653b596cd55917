// Scoring matrix page for admins: web resource ls_/scripts/scoringmatrix.js in ls_/html/scoringmatrix.html.
//
// Xrm: parent.Xrm (the page runs inside the model-driven app: a site-map subarea, a web-resource control
// on the scoring model form, or a navigateTo dialog).
// Model shown: the `id` query parameter (the model form passes its record id), else the `data` parameter
// ("modelid=<guid>" or a bare GUID, e.g. from navigateTo / openWebResource), else the active model;
// the model picker switches between all models.
// What-if: the lead comes from Xrm.Utility.lookupObjects (a lead lookup dialog,
// https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-utility/lookupobjects)
// or from a pasted lead id; ls_ExplainLeadScore runs twice, with ModelId = this model and without
// (= the active model); nothing is written.
import { explainLeadScore } from "../shared/api";
import { replaceChildren } from "../shared/dom";
import { Formatter, loadUserFormatSettings } from "../shared/format";
import { ModelStatus, WhatIfReasons } from "../shared/schema";
import { dataParameters, errorMessage, normalizeGuid, pageParameters, parentXrm } from "../shared/xrm";
import { loadLeadName, loadModels, loadRules, type ModelRow } from "./data";
import { modelLabel, nameAndVersion, renderModel, renderModelOptions, renderRules, renderWhatIf } from "./render";
import { applyHostTheme } from "../shared/theme";

interface State {
  xrm?: Xrm.XrmStatic;
  fmt: Formatter;
  models: ModelRow[];
  model?: ModelRow;
  lead?: { id: string; name: string | null };
}

const state: State = { fmt: new Formatter({ locale: "en-US", timeZoneOffsetMinutes: null }), models: [] };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function status(kind: "info" | "error", text: string): void {
  const el = $("page-status");
  el.className = `page-status ${kind}`;
  el.setAttribute("role", kind === "error" ? "alert" : "status");
  replaceChildren(el, text);
}

export function requestedModelId(win: Window): string | null {
  return normalizeGuid(pageParameters(win).get("id")) ?? normalizeGuid(dataParameters(win).get("modelid") ?? dataParameters(win).get("value"));
}

async function showModel(modelId: string): Promise<void> {
  const m = state.models.find((x) => x.id.toLowerCase() === modelId.toLowerCase());
  if (!m || !state.xrm) return;
  state.model = m;
  replaceChildren($("model-title"), modelLabel(m, state.fmt));
  renderModel($("model"), m, state.fmt);
  replaceChildren($("rules"));
  // The what-if does not need the rules: start it now, so a lead picked while they load is scored once.
  replaceChildren($("whatif-result"));
  if (state.lead) void runWhatIf();
  try {
    const rules = await loadRules(state.xrm, m.id);
    renderRules($("rules"), rules, state.fmt);
    status("info", "");
  } catch (e) {
    status("error", "The rules could not be loaded: " + errorMessage(e));
  }
}

async function runWhatIf(): Promise<void> {
  const xrm = state.xrm;
  const m = state.model;
  const lead = state.lead;
  const out = $("whatif-result");
  if (!xrm || !m || !lead) return;
  out.setAttribute("aria-busy", "true");
  replaceChildren(out, "Scoring the lead under both models…");
  try {
    // The call under the active model may fail on its own (before the first activation no model is
    // active): the page's own model is still what the admin came for.
    const [thisModel, activeModel] = await Promise.all([
      explainLeadScore(xrm, lead.id, { modelId: m.id, top: WhatIfReasons }),
      explainLeadScore(xrm, lead.id, { top: WhatIfReasons }).then(
        (explanation) => ({ explanation }),
        (e: unknown) => ({ problem: errorMessage(e) }),
      ),
    ]);
    const active = state.models.find((x) => x.status === ModelStatus.Active);
    const activeLabel =
      "explanation" in activeModel && activeModel.explanation.modelName
        ? nameAndVersion(activeModel.explanation.modelName, activeModel.explanation.modelVersion, state.fmt)
        : active
          ? modelLabel(active, state.fmt)
          : "none";
    renderWhatIf(
      out,
      {
        leadId: lead.id,
        leadName: lead.name,
        thisModel: { label: nameAndVersion(m.name, m.version, state.fmt), explanation: thisModel },
        activeModel: { label: activeLabel, ...activeModel },
      },
      state.fmt,
    );
  } catch (e) {
    replaceChildren(out, "");
    status("error", "The what-if could not be computed: " + errorMessage(e));
  } finally {
    out.removeAttribute("aria-busy");
  }
}

async function pickLead(): Promise<void> {
  if (!state.xrm) return;
  try {
    const picked = await state.xrm.Utility.lookupObjects({
      entityTypes: ["lead"],
      defaultEntityType: "lead",
      allowMultiSelect: false,
    });
    const first = picked && picked[0];
    if (!first) return; // cancelled
    const id = normalizeGuid(first.id);
    if (!id) return;
    state.lead = { id, name: first.name ?? null };
    ($("lead-id") as HTMLInputElement).value = id;
    await runWhatIf();
  } catch (e) {
    status("error", "The lead lookup failed: " + errorMessage(e));
  }
}

/** The message beside the lead id field (aria-describedby), not at the top of the page. */
function fieldError(text: string): void {
  const input = $("lead-id") as HTMLInputElement;
  const error = $("lead-id-error");
  replaceChildren(error, text);
  error.hidden = !text;
  if (text) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

async function compareTypedLead(): Promise<void> {
  const input = $("lead-id") as HTMLInputElement;
  const id = normalizeGuid(input.value);
  if (!id) {
    fieldError("Enter a lead id (a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301) or choose a lead.");
    input.focus();
    return;
  }
  fieldError("");
  status("info", "");
  const name = state.lead?.id === id ? state.lead.name : state.xrm ? await loadLeadName(state.xrm, id) : null;
  state.lead = { id, name };
  await runWhatIf();
}

async function init(): Promise<void> {
  applyHostTheme(window);
  state.xrm = parentXrm(window);

  $("pick-lead").addEventListener("click", () => void pickLead());
  $("whatif-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    void compareTypedLead();
  });
  const select = $("model-select") as HTMLSelectElement;
  select.addEventListener("change", () => void showModel(select.value));

  if (!state.xrm) {
    status("error", "Open this page in the model-driven app: it needs the app's Xrm (parent.Xrm).");
    ($("pick-lead") as HTMLButtonElement).disabled = true;
    return;
  }
  // The page's words are English (lang="en" in the HTML); numbers and dates follow the user's formats.
  state.fmt = new Formatter(await loadUserFormatSettings(state.xrm));
  status("info", "Loading the scoring models…");
  try {
    state.models = await loadModels(state.xrm);
  } catch (e) {
    status("error", "The scoring models could not be loaded: " + errorMessage(e));
    return;
  }
  if (!state.models.length) {
    status("info", "There is no scoring model yet.");
    return;
  }
  const wanted = requestedModelId(window);
  const initial =
    state.models.find((m) => wanted && m.id.toLowerCase() === wanted) ??
    state.models.find((m) => m.status === ModelStatus.Active) ??
    state.models[0]!;
  renderModelOptions(select, state.models, initial.id, state.fmt);
  await showModel(initial.id);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => void init());
else void init();
