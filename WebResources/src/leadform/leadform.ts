// Lead main form script: web resource ls_/scripts/leadform.js, global namespace LeadScoring.LeadForm.
//
// Registration (see WebResources/README.md):
//   - Form OnLoad: LeadScoring.LeadForm.onLoad, "Pass execution context as first parameter" checked.
//     onLoad itself adds the PostSave handler (formContext.data.entity.addOnPostSave,
//     https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/events/postsave).
//   - Command "Hand back to marketing": JavaScriptFunction LeadScoring.LeadForm.handBack with
//     <CrmParameter Value="PrimaryControl" /> (the form context), enable rule LeadScoring.LeadForm.canHandBack
//     (https://learn.microsoft.com/power-apps/developer/model-driven-apps/pass-data-page-parameter-ribbon-actions).
import { explainLeadScore, MaxReasons, type Explanation } from "../shared/api";
import { Formatter, loadUserFormatSettings } from "../shared/format";
import { Lead, LifecycleStage, ScoreCardControlName, WebResourceNames } from "../shared/schema";
import { errorMessage, normalizeGuid } from "../shared/xrm";
import { NotificationIds, notificationsFor, type LeadState } from "./notifications";

/** How many reasons the form asks ls_ExplainLeadScore for (the card shows the top positive and negative). */
export const ReasonsRequested = MaxReasons;

function xrm(): Xrm.XrmStatic {
  return (globalThis as unknown as { Xrm: Xrm.XrmStatic }).Xrm;
}

function value<T>(fc: Xrm.FormContext, name: string): T | null {
  const a = fc.getAttribute(name) as Xrm.Attributes.Attribute | null;
  if (!a) return null;
  const v = a.getValue() as T | null | undefined;
  return v === undefined ? null : v;
}

export function leadIdOf(fc: Xrm.FormContext): string | null {
  return normalizeGuid(fc.data?.entity?.getId?.() ?? null);
}

export function leadStateOf(fc: Xrm.FormContext): LeadState {
  return {
    stage: value<number>(fc, Lead.lifecycleStage),
    score: value<number>(fc, Lead.score),
    grade: value<string>(fc, Lead.grade),
    handBackReason: value<string>(fc, Lead.handBackReason),
    handBackOn: value<Date>(fc, Lead.handBackOn),
    handBackCount: value<number>(fc, Lead.handBackCount),
  };
}

/**
 * Shows the sales-ready, recycled and decay notifications; clears ours first, so a refresh never
 * leaves a stale one (setFormNotification / clearFormNotification:
 * https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/formcontext-ui/setformnotification).
 */
export async function applyNotifications(fc: Xrm.FormContext, explanation: Explanation | null): Promise<void> {
  const fmt = new Formatter(await loadUserFormatSettings(xrm()));
  for (const id of Object.values(NotificationIds)) fc.ui.clearFormNotification(id);
  for (const n of notificationsFor(leadStateOf(fc), explanation, fmt)) {
    fc.ui.setFormNotification(n.message, n.level, n.id);
  }
}

/** What the score card exposes on its window (see src/scorecard/main.ts). */
export interface ScoreCardWindow {
  setClientApiContext?: (xrm: Xrm.XrmStatic, formContext: Xrm.FormContext, explanation?: Explanation | null) => void;
}

/**
 * Hands Xrm, the form context and the explanation already fetched to the score card, the way Microsoft
 * documents for HTML web resources on a form: getContentWindow() then a function of the page.
 */
export async function pushToScoreCard(fc: Xrm.FormContext, explanation: Explanation | null): Promise<boolean> {
  const control = fc.getControl(ScoreCardControlName) as Xrm.Controls.FramedControl | null;
  if (!control || typeof control.getContentWindow !== "function") return false;
  try {
    const win = (await control.getContentWindow()) as unknown as ScoreCardWindow;
    if (typeof win?.setClientApiContext !== "function") return false;
    win.setClientApiContext(xrm(), fc, explanation);
    return true;
  } catch (e) {
    console.warn("Lead scoring: the score card could not be reached", e);
    return false;
  }
}

/** Fetches the explanation once and updates the notifications and the score card. */
export async function refresh(fc: Xrm.FormContext): Promise<Explanation | null> {
  const id = leadIdOf(fc);
  let explanation: Explanation | null = null;
  if (id) {
    try {
      explanation = await explainLeadScore(xrm(), id, { top: ReasonsRequested });
    } catch (e) {
      // The notifications fall back to the lead's columns; the card shows the error itself.
      console.warn("Lead scoring: ls_ExplainLeadScore failed: " + errorMessage(e));
    }
  }
  await applyNotifications(fc, explanation);
  await pushToScoreCard(fc, id ? explanation : null);
  return explanation;
}

const formsWithPostSave = new WeakSet<object>();

/** Form OnLoad handler (pass execution context). */
export async function onLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  const fc = executionContext.getFormContext();
  if (!formsWithPostSave.has(fc)) {
    formsWithPostSave.add(fc);
    fc.data.entity.addOnPostSave(onPostSave);
  }
  await refresh(fc);
}

/** PostSave handler: the plug-ins have rescored the lead by now, so refresh the card and notifications. */
export async function onPostSave(executionContext: Xrm.Events.EventContext): Promise<void> {
  const args = (executionContext as Xrm.Events.PostSaveEventContext).getEventArgs?.();
  if (args && typeof args.getIsSaveSuccess === "function" && !args.getIsSaveSuccess()) return;
  await refresh(executionContext.getFormContext());
}

/**
 * Enable rule of the "Hand back to marketing" command: a saved, open lead that marketing passed to
 * sales (a qualified lead is Sales Accepted too, but only an open lead can be handed back).
 */
export function canHandBack(primaryControl: Xrm.FormContext): boolean {
  if (!primaryControl || !leadIdOf(primaryControl)) return false;
  const stage = value<number>(primaryControl, Lead.lifecycleStage);
  const statecode = value<number>(primaryControl, Lead.stateCode);
  return (statecode === null || statecode === 0) && (stage === LifecycleStage.MarketingQualified || stage === LifecycleStage.SalesAccepted);
}

/** The dialog the command opens (exported for the tests). */
export function handBackDialogInput(leadId: string, leadName: string): {
  pageInput: Xrm.Navigation.PageInputHtmlWebResource;
  navigationOptions: Xrm.Navigation.NavigationOptions;
} {
  return {
    pageInput: {
      pageType: "webresource",
      webresourceName: WebResourceNames.handBackDialog,
      data: new URLSearchParams({ leadid: leadId, leadname: leadName }).toString(),
    },
    navigationOptions: {
      target: 2,
      position: 1,
      width: { value: 480, unit: "px" },
      height: { value: 420, unit: "px" },
      title: "Hand back to marketing",
    },
  };
}

/**
 * Command "Hand back to marketing" (PrimaryControl = the form context).
 *
 * There is no Xrm.Navigation.openPrompt. The command opens the HTML web resource ls_/html/handback.html
 * as a centred dialog with Xrm.Navigation.navigateTo (pageType "webresource", target 2,
 * https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-navigation/navigateto).
 * The dialog asks for the reason and calls ls_HandBackLead itself through Xrm.WebApi, because an HTML
 * web-resource dialog has no documented way to return a value to its opener. navigateTo's promise
 * settles when the dialog closes; then the form reloads the lead and refreshes the card and notifications.
 */
// openAlertDialog / openErrorDialog / navigateTo: https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-navigation
export async function handBack(primaryControl: Xrm.FormContext): Promise<void> {
  const fc = primaryControl;
  const id = leadIdOf(fc);
  if (!id) {
    await xrm().Navigation.openAlertDialog({ text: "Save the lead before handing it back to marketing." });
    return;
  }
  try {
    if (fc.data.entity.getIsDirty()) await fc.data.save();
    const name = (fc.data.entity.getPrimaryAttributeValue?.() as string | null | undefined) ?? "";
    const { pageInput, navigationOptions } = handBackDialogInput(id, name);
    await xrm().Navigation.navigateTo(pageInput, navigationOptions);
    await fc.data.refresh(false);
    await refresh(fc);
  } catch (e) {
    await xrm().Navigation.openErrorDialog({ message: "The lead could not be handed back: " + errorMessage(e) });
  }
}

// The global namespace the form and the command bar call.
const g = globalThis as unknown as { LeadScoring?: Record<string, unknown> };
g.LeadScoring = g.LeadScoring ?? {};
g.LeadScoring.LeadForm = { onLoad, onPostSave, handBack, canHandBack, refresh };
