// "Hand back to marketing" dialog: web resource ls_/scripts/handback.js in ls_/html/handback.html.
// Opened by LeadScoring.LeadForm.handBack with Xrm.Navigation.navigateTo (target 2); the `data`
// query parameter carries "leadid=…&leadname=…". The dialog calls ls_HandBackLead through parent.Xrm
// (the app that hosts the dialog) and closes itself; navigateTo's promise then resolves and the form
// reloads the lead (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-navigation/navigateto:
// the success callback runs "on closing the dialog when navigating to a dialog").
//
// How it closes. window.close() does nothing in the iframe the dialog runs in. Learn documents one call
// that closes a page opened as a navigateTo dialog and resolves the opener's promise:
// Xrm.Navigation.navigateBack() ("Close the dialog with Xrm.Navigation.navigateBack()",
// https://learn.microsoft.com/power-apps/developer/model-driven-apps/generative-page/data-api/page-methods).
// That page documents it for generative pages; for HTML web resources Learn documents no close call at all
// (MicrosoftDocs/powerapps-docs issue 791). The dialog uses navigateBack of the app that hosts it; where
// the host has none, it shows no Cancel button (it could not work) and the user closes the dialog with
// the dialog's own close button.
import { handBackLead } from "../shared/api";
import { replaceChildren } from "../shared/dom";
import { HandBackReasonMaxLength, StageLabels, stageNameOf } from "../shared/schema";
import { Formatter, loadUserFormatSettings } from "../shared/format";
import { dataParameters, errorMessage, normalizeGuid, parentXrm } from "../shared/xrm";
import { applyHostTheme } from "../shared/theme";

function el<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

type Closer = () => void;

/** navigateBack of the app hosting the dialog, or null when it has none. */
export function dialogCloser(xrm: Xrm.XrmStatic | undefined): Closer | null {
  const nav = xrm?.Navigation as unknown as { navigateBack?: () => unknown } | undefined;
  if (!nav || typeof nav.navigateBack !== "function") return null;
  return () => void Promise.resolve(nav.navigateBack!()).catch(() => undefined);
}

function init(): void {
  applyHostTheme(window);
  const xrm = parentXrm(window);
  const data = dataParameters(window);
  const leadId = normalizeGuid(data.get("leadid") ?? data.get("value"));
  const leadName = data.get("leadname") ?? "";
  const closeDialog = dialogCloser(xrm);

  const form = el<HTMLFormElement>("handback-form");
  const reason = el<HTMLTextAreaElement>("reason");
  const error = el<HTMLElement>("error");
  const submit = el<HTMLButtonElement>("submit");
  const cancel = el<HTMLButtonElement>("cancel");
  const result = el<HTMLElement>("result");
  reason.maxLength = HandBackReasonMaxLength;
  replaceChildren(el("lead-name"), leadName || "this lead");
  // No dead controls: without a way to close, Cancel is not offered.
  cancel.hidden = !closeDialog;
  let busy = false;

  const showError = (text: string) => {
    replaceChildren(error, text);
    error.hidden = !text;
    reason.setAttribute("aria-invalid", text ? "true" : "false");
  };

  if (!xrm || !leadId) {
    showError(!xrm ? "This dialog must be opened from a lead form." : "No lead was passed to this dialog.");
    submit.hidden = true;
  }

  reason.addEventListener("input", () => {
    if (reason.value.trim() && !error.hidden && reason.getAttribute("aria-invalid") === "true") showError("");
  });
  cancel.addEventListener("click", () => closeDialog?.());
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && !busy && closeDialog) {
      ev.preventDefault();
      closeDialog();
    }
  });

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (busy) return;
    const text = reason.value.trim();
    if (!text) {
      showError("Enter the reason for handing this lead back.");
      reason.focus();
      return;
    }
    if (!xrm || !leadId) return;
    showError("");
    busy = true;
    reason.readOnly = true;
    submit.setAttribute("aria-disabled", "true");
    form.setAttribute("aria-busy", "true");
    try {
      const r = await handBackLead(xrm, leadId, text);
      if (closeDialog) {
        // The form reloads the lead when the dialog closes and shows the result as its notification.
        closeDialog();
        return;
      }
      const fmt = new Formatter(await loadUserFormatSettings(xrm));
      const stage = stageNameOf(r.lifecycleStage);
      form.hidden = true;
      replaceChildren(
        result,
        `Handed back to marketing. The score is now ${fmt.number(r.score)}${stage ? `, stage ${StageLabels[stage]}` : ""}. Close this dialog with its close button.`,
      );
      result.hidden = false;
      result.focus();
    } catch (e) {
      showError("The lead could not be handed back: " + errorMessage(e));
      reason.readOnly = false;
      reason.focus();
    } finally {
      busy = false;
      submit.removeAttribute("aria-disabled");
      form.removeAttribute("aria-busy");
    }
  });
  reason.focus();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
