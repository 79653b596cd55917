import { beforeEach, describe, expect, it, vi } from "vitest";
import "../../src/leadform/leadform";
import { canHandBack, handBack, handBackDialogInput, onLoad, onPostSave, refresh } from "../../src/leadform/leadform";
import { NotificationIds } from "../../src/leadform/notifications";
import { LifecycleStage } from "../../src/shared/schema";
import { LEAD_ID, explanationResponse, fixture, notifications, setupLeadForm } from "./helpers";

const salesReady = fixture("explanation-salesready.json");
const recycled = fixture("explanation-recycled.json");

describe("LeadScoring.LeadForm.onLoad", () => {
  it("exposes the global namespace the form and the command bar call", () => {
    const ns = (globalThis as unknown as { LeadScoring: { LeadForm: Record<string, unknown> } }).LeadScoring.LeadForm;
    for (const f of ["onLoad", "onPostSave", "handBack", "canHandBack", "refresh"]) expect(typeof ns[f]).toBe("function");
  });

  it("calls ls_ExplainLeadScore bound to the lead and shows the sales-ready notification", async () => {
    const { fc, execute, eventContext } = setupLeadForm();
    execute.mockResolvedValue(explanationResponse(salesReady));
    await onLoad(eventContext);

    expect(execute).toHaveBeenCalledTimes(1);
    const request = execute.mock.calls[0]![0];
    const meta = request.getMetadata();
    expect(meta.operationName).toBe("ls_ExplainLeadScore");
    expect(meta.boundParameter).toBe("entity");
    expect(meta.operationType).toBe(0);
    expect(meta.parameterTypes.entity).toEqual({ typeName: "mscrm.lead", structuralProperty: 5 });
    expect(request.entity).toEqual({ entityType: "lead", id: LEAD_ID });
    expect(request.Top).toBe(50);
    expect(request.ModelId).toBeUndefined();

    const n = notifications(fc);
    expect(n).toHaveLength(1);
    expect(n[0]!.uniqueId).toBe(NotificationIds.salesReady);
    expect(n[0]!.level).toBe("INFO");
    expect(n[0]!.message).toContain("Sales-ready: score 112");
    expect(n[0]!.message).toContain("threshold 100");
    expect(n[0]!.message).toContain("grade A2");
  });

  it("shows the recycled notification with the hand-back reason, and the decay with the days until the next debit", async () => {
    const { fc, execute, eventContext } = setupLeadForm({
      stage: LifecycleStage.Recycled,
      score: 85,
      grade: "B3",
      handBackReason: "Budget frozen until Q3 — call back in July",
      handBackOn: new Date("2026-05-10T15:30:00Z"),
      handBackCount: 1,
    });
    execute.mockResolvedValue(explanationResponse(recycled));
    await onLoad(eventContext);

    const byId = Object.fromEntries(notifications(fc).map((x) => [x.uniqueId, x]));
    expect(Object.keys(byId).sort()).toEqual([NotificationIds.decay, NotificationIds.recycled].sort());
    expect(byId[NotificationIds.recycled]!.level).toBe("WARNING");
    expect(byId[NotificationIds.recycled]!.message).toBe(
      "Recycled: sales handed this lead back to marketing on May 10, 2026. Reason: Budget frozen until Q3 — call back in July.",
    );
    expect(byId[NotificationIds.decay]!.message).toContain("the next debit of 5 points is in 4 days (May 28, 2026)");
    expect(byId[NotificationIds.decay]!.message).toContain("no engagement since May 3, 2026");
  });

  it("hands Xrm, the form context and the explanation to the score card through getContentWindow", async () => {
    const { fc, execute, eventContext, cardWindow, cardControl } = setupLeadForm();
    execute.mockResolvedValue(explanationResponse(salesReady));
    await onLoad(eventContext);
    expect(cardControl.getContentWindow).toHaveBeenCalled();
    expect(cardWindow.setClientApiContext).toHaveBeenCalledTimes(1);
    const [xrm, formContext, explanation] = cardWindow.setClientApiContext.mock.calls[0]!;
    expect(xrm).toBe(Xrm);
    expect(formContext).toBe(fc);
    expect(explanation.score).toBe(112);
    expect(explanation.reasons).toHaveLength(10);
  });

  it("registers the PostSave handler once however often the form loads", async () => {
    const { fc, execute, eventContext } = setupLeadForm();
    execute.mockResolvedValue(explanationResponse(salesReady));
    await onLoad(eventContext);
    await onLoad(eventContext);
    expect((fc.data.entity as unknown as { postSaveEventHandlers: unknown[] }).postSaveEventHandlers).toEqual([onPostSave]);
  });

  it("falls back to the lead's columns when the Custom API fails", async () => {
    const { fc, execute, eventContext, cardWindow } = setupLeadForm({ stage: LifecycleStage.MarketingQualified, score: 104 });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    execute.mockRejectedValue({ errorCode: 2147746611, message: "ls_ExplainLeadScore is not registered" });
    await onLoad(eventContext);
    warn.mockRestore();
    const n = notifications(fc);
    expect(n.map((x) => x.uniqueId)).toEqual([NotificationIds.salesReady]);
    expect(n[0]!.message).toContain("score 104");
    // The card gets no explanation and loads (and reports) on its own.
    expect(cardWindow.setClientApiContext.mock.calls[0]![2]).toBeNull();
  });

  it("clears its notifications on refresh, so a stale one never stays", async () => {
    const { fc, execute, eventContext } = setupLeadForm();
    execute.mockResolvedValue(explanationResponse(salesReady));
    await onLoad(eventContext);
    expect(notifications(fc)).toHaveLength(1);
    fc.getAttribute("ls_lifecyclestage")!.setValue(LifecycleStage.SalesAccepted);
    await refresh(fc);
    expect(notifications(fc)).toHaveLength(0);
  });

  it("does not call the Custom API for a lead that is not saved yet", async () => {
    const { fc, execute, eventContext, cardWindow } = setupLeadForm({ id: null, stage: LifecycleStage.New });
    await onLoad(eventContext);
    expect(execute).not.toHaveBeenCalled();
    expect(notifications(fc)).toHaveLength(0);
    expect(cardWindow.setClientApiContext).toHaveBeenCalledWith(Xrm, fc, null);
  });
});

describe("LeadScoring.LeadForm.onPostSave", () => {
  it("refreshes the card after a successful save", async () => {
    const { execute, eventContext, cardWindow } = setupLeadForm();
    execute.mockResolvedValue(explanationResponse(salesReady));
    const ctx = Object.assign(Object.create(eventContext), {
      getEventArgs: () => ({ getIsSaveSuccess: () => true }),
      getFormContext: () => eventContext.getFormContext(),
    });
    await onPostSave(ctx);
    expect(execute).toHaveBeenCalledTimes(1);
    expect(cardWindow.setClientApiContext).toHaveBeenCalledTimes(1);
  });

  it("does nothing after a failed save", async () => {
    const { execute, eventContext } = setupLeadForm();
    const ctx = Object.assign(Object.create(eventContext), {
      getEventArgs: () => ({ getIsSaveSuccess: () => false }),
      getFormContext: () => eventContext.getFormContext(),
    });
    await onPostSave(ctx);
    expect(execute).not.toHaveBeenCalled();
  });
});

describe("Hand back to marketing command", () => {
  beforeEach(() => vi.restoreAllMocks());

  it("is enabled for saved leads marketing passed to sales", () => {
    for (const [stage, enabled] of [
      [LifecycleStage.MarketingQualified, true],
      [LifecycleStage.SalesAccepted, true],
      [LifecycleStage.New, false],
      [LifecycleStage.Engaged, false],
      [LifecycleStage.Recycled, false],
      [LifecycleStage.Disqualified, false],
    ] as const) {
      const { fc } = setupLeadForm({ stage });
      expect(canHandBack(fc), `stage ${stage}`).toBe(enabled);
    }
    const { fc } = setupLeadForm({ id: null });
    expect(canHandBack(fc)).toBe(false);
  });

  it("opens the hand-back dialog web resource with the lead, then reloads the lead and refreshes", async () => {
    const { fc, execute } = setupLeadForm();
    execute.mockResolvedValue(explanationResponse(recycled));
    const navigateTo = vi.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined as never);
    await handBack(fc);
    expect(navigateTo).toHaveBeenCalledTimes(1);
    const [pageInput, options] = navigateTo.mock.calls[0]!;
    expect(pageInput).toEqual(handBackDialogInput(LEAD_ID, "Ada Lovelace").pageInput);
    expect(pageInput).toMatchObject({ pageType: "webresource", webresourceName: "ls_/html/handback.html" });
    const data = new URLSearchParams((pageInput as { data: string }).data);
    expect(data.get("leadid")).toBe(LEAD_ID);
    expect(data.get("leadname")).toBe("Ada Lovelace");
    expect(options).toMatchObject({ target: 2, position: 1, title: "Hand back to marketing" });
    expect(fc.data.refresh).toHaveBeenCalledWith(false);
    expect(fc.data.save).not.toHaveBeenCalled();
    expect(execute).toHaveBeenCalledTimes(1); // the refresh after the dialog closed
  });

  it("saves a dirty form before opening the dialog", async () => {
    const { fc, execute } = setupLeadForm();
    execute.mockResolvedValue(explanationResponse(salesReady));
    vi.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined as never);
    vi.spyOn(fc.data.entity, "getIsDirty").mockReturnValue(true);
    await handBack(fc);
    expect(fc.data.save).toHaveBeenCalledTimes(1);
  });

  it("asks to save a new lead first", async () => {
    const { fc } = setupLeadForm({ id: null });
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined as never);
    const navigateTo = vi.spyOn(Xrm.Navigation, "navigateTo");
    await handBack(fc);
    expect(alert).toHaveBeenCalledWith({ text: "Save the lead before handing it back to marketing." });
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it("reports a failure in an error dialog", async () => {
    const { fc } = setupLeadForm();
    vi.spyOn(Xrm.Navigation, "navigateTo").mockRejectedValue({ errorCode: 1, message: "Web resource not found" });
    const err = vi.spyOn(Xrm.Navigation, "openErrorDialog").mockResolvedValue(undefined as never);
    await handBack(fc);
    expect(err).toHaveBeenCalledWith({ message: "The lead could not be handed back: Web resource not found" });
  });
});
