// "Hand back to marketing" dialog: web resource ls_/scripts/handback.js in ls_/html/handback.html.
// Opened by LeadScoring.LeadForm.handBack with Xrm.Navigation.navigateTo (target 2); the `data`
// query parameter carries "leadid=…&leadname=…". The dialog calls ls_HandBackLead through parent.Xrm
// (the app that hosts the dialog) and then closes; the form refreshes when navigateTo's promise settles.
import { handBackLead } from "../shared/api";
import { h, replaceChildren } from "../shared/dom";
import { Formatter, userFormatSettings } from "../shared/format";
import { StageLabels, stageNameOf } from "../shared/schema";
import { dataParameters, errorMessage, normalizeGuid, parentXrm } from "../shared/xrm";

export const MAX_REASON_LENGTH = 500; // ls_handbackreason is Text(500)

function el<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function close(): void {
  // Closing an HTML web-resource dialog from inside is not documented; window.close() works where the
  // host allows it, otherwise the user closes the dialog with its own close button.
  try {
    window.close();
  } catch {
    /* ignore */
  }
}

function init(): void {
  const xrm = parentXrm(window);
  const settings = userFormatSettings(xrm);
  document.documentElement.lang = settings.locale;
  document.documentElement.dir = settings.rtl ? "rtl" : "ltr";
  const fmt = new Formatter(settings);
  const data = dataParameters(window);
  const leadId = normalizeGuid(data.get("leadid") ?? data.get("value"));
  const leadName = data.get("leadname") ?? "";

  const form = el<HTMLFormElement>("handback-form");
  const reason = el<HTMLTextAreaElement>("reason");
  const error = el<HTMLElement>("error");
  const submit = el<HTMLButtonElement>("submit");
  const cancel = el<HTMLButtonElement>("cancel");
  const result = el<HTMLElement>("result");
  reason.maxLength = MAX_REASON_LENGTH;
  replaceChildren(el("lead-name"), leadName || "this lead");

  const showError = (text: string) => {
    replaceChildren(error, text);
    error.hidden = !text;
    reason.setAttribute("aria-invalid", text ? "true" : "false");
  };

  if (!xrm || !leadId) {
    showError(!xrm ? "This dialog must be opened from a lead form." : "No lead was passed to this dialog.");
    submit.disabled = true;
  }

  reason.addEventListener("input", () => {
    if (reason.value.trim() && !error.hidden && reason.getAttribute("aria-invalid") === "true") showError("");
  });
  cancel.addEventListener("click", close);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") close();
  });

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = reason.value.trim();
    if (!text) {
      showError("Enter the reason for handing this lead back.");
      reason.focus();
      return;
    }
    if (!xrm || !leadId) return;
    showError("");
    submit.disabled = true;
    reason.readOnly = true;
    form.setAttribute("aria-busy", "true");
    try {
      const r = await handBackLead(xrm, leadId, text);
      const stage = stageNameOf(r.lifecycleStage);
      form.hidden = true;
      replaceChildren(
        result,
        h(document, "p", {}, "Handed back to marketing. ", `The score is now ${fmt.number(r.score)}`, stage ? `, stage ${StageLabels[stage]}.` : "."),
        h(document, "p", { class: "muted" }, "You can close this dialog."),
      );
      result.hidden = false;
      result.focus();
      window.setTimeout(close, 1200);
    } catch (e) {
      showError("The lead could not be handed back: " + errorMessage(e));
      submit.disabled = false;
      reason.readOnly = false;
    } finally {
      form.removeAttribute("aria-busy");
    }
  });
  reason.focus();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
