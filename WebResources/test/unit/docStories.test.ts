// Stories written from the docs, checked against the lead-form pieces. Each test quotes the sentence it holds the page to.
import { afterEach, describe, expect, it, vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import "../../src/leadform/leadform";
import { canHandBack, onLoad } from "../../src/leadform/leadform";
import { parseExplanation, type Explanation } from "../../src/shared/api";
import { Formatter } from "../../src/shared/format";
import { LifecycleStage } from "../../src/shared/schema";
import { renderScoreCard } from "../../src/scorecard/render";
import { contractChecked, explanationResponse, fixture, setupLeadForm } from "./helpers";
import { DRAFT, fakeXrm, loadPage, until } from "./pageHelpers";

const fmt = new Formatter({ locale: "en-US", timeZoneOffsetMinutes: 0 });
const now = new Date("2026-05-24T12:00:00Z");

type ReasonJson = { ruleId: string; name: string; category: string; points: number };

/** What ls_ExplainLeadScore does with Top (Plugins/Engine/Explanation.cs, Explainer.Reasons): the Top largest by size, either sign. */
function serverTop(reasons: ReasonJson[], top: number): ReasonJson[] {
  return [...reasons].sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || (a.name < b.name ? -1 : 1)).slice(0, top);
}

describe("doc stories: the Hand back to marketing command", () => {
  // docs/model-format.md (Lifecycle stage): "Qualified (statecode 1) | Sales Accepted" and
  // "Only an open lead can be handed back."; the server refuses it (HandBackScoring: "Only an open lead
  // can be handed back to marketing; this lead is qualified. Reactivate it first.").
  it("is not offered on a qualified lead (statecode 1, stage Sales Accepted), which the server refuses to hand back", () => {
    const { fc } = setupLeadForm({ stage: LifecycleStage.SalesAccepted });
    XrmMockGenerator.Attribute.createOptionSet("statecode", 1, [
      { text: "Open", value: 0 },
      { text: "Qualified", value: 1 },
      { text: "Disqualified", value: 2 },
    ]);
    expect(canHandBack(fc)).toBe(false);
  });

  it("is still offered on an open lead a person marked Sales Accepted", () => {
    const { fc } = setupLeadForm({ stage: LifecycleStage.SalesAccepted });
    XrmMockGenerator.Attribute.createOptionSet("statecode", 0, [
      { text: "Open", value: 0 },
      { text: "Qualified", value: 1 },
      { text: "Disqualified", value: 2 },
    ]);
    expect(canHandBack(fc)).toBe(true);
  });
});

describe("doc stories: the score card's reasons", () => {
  // README.md: "Sales reps see each lead's score, ... with the reasons behind the score and its trend";
  // "Points go down too: negative rules, decay for inactivity, ...". The card lists what lowered the score
  // ("Lowering the score") from the reasons the form asks ls_ExplainLeadScore for (Top 10).
  it("shows the decay that lowered the score of a lead with many larger positive reasons, never 'Nothing has lowered the score.'", async () => {
    const salesReady = fixture("explanation-salesready.json") as { reasons: ReasonJson[] };
    const positives = salesReady.reasons.filter((r) => r.points > 0);
    const all: ReasonJson[] = [
      ...positives,
      { ruleId: "open", name: "Email opened", category: "engagement", points: 8 },
      { ruleId: "form", name: "Form submitted", category: "engagement", points: 6 },
      { ruleId: "event", name: "Event registration", category: "engagement", points: 5 },
      { ruleId: "decay", name: "Decay for inactivity", category: "engagement", points: -3 },
    ];
    const { cardWindow, eventContext, execute } = setupLeadForm();
    execute.mockImplementation(async (request: { Top?: number }) =>
      explanationResponse({ ...salesReady, reasons: serverTop(all, request.Top ?? 5) }),
    );
    await onLoad(eventContext);

    const handed = cardWindow.setClientApiContext.mock.calls[0]![2] as Explanation;
    const root = document.createElement("div");
    renderScoreCard(root, parseExplanation(JSON.stringify(handed)), fmt, { now, chartWidth: 400 });
    const lowering = root.querySelector('[aria-labelledby="ls-down-heading"]')!.textContent;
    expect(lowering).not.toContain("Nothing has lowered the score.");
    expect(lowering).toContain("Decay for inactivity");
  });
});

describe("doc stories: the scoring matrix's what-if", () => {
  afterEach(() => {
    delete (window as unknown as { Xrm?: unknown }).Xrm;
    vi.resetModules();
  });

  // WebResources/README.md (What-if): "The page calls ls_ExplainLeadScore twice for that lead ... with
  // `ModelId` = the page's model and without (= the active model), and shows both scores side by side".
  // Before the first model is activated (the approvers are reviewing it), the call without ModelId is
  // refused with "No scoring model is active. ..." (OperationMessages.NoActiveModel): the draft's own
  // score is still what the admin came for.
  it("still shows the draft's score for the lead when no model is active yet", async () => {
    const { xrm, execute } = fakeXrm();
    const models = (fixture("models.json") as { models: Record<string, unknown>[] }).models.filter((m) => m.ls_scoringmodelid === DRAFT);
    const rows = xrm.WebApi.retrieveMultipleRecords.getMockImplementation()!;
    xrm.WebApi.retrieveMultipleRecords.mockImplementation(async (table: string, options: string) =>
      table === "ls_scoringmodel" ? { entities: models } : rows(table, options),
    );
    xrm.WebApi.online.execute = contractChecked(async (request: { ModelId?: unknown; getMetadata(): { operationName: string } }) => {
      if (!request.ModelId) throw { errorCode: -2147220891, message: "No scoring model is active. Ask a Lead Scoring Admin to activate one." };
      return execute(request as never);
    });
    loadPage("scoringmatrix.html", "");
    await import("../../src/scoringmatrix/main");
    await until(() => document.querySelectorAll(".rule-table").length === 2, "the rule tables");
    expect(document.getElementById("model-title")!.textContent).toBe("Default v4 (Draft)");

    (document.getElementById("pick-lead") as HTMLButtonElement).click();
    await until(() => !document.getElementById("whatif-result")!.hasAttribute("aria-busy") && execute.mock.calls.length > 0, "the what-if");
    expect(document.querySelector('[data-testid="whatif-this"] .whatif-score')?.textContent).toBe("124");
  });
});
