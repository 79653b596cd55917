// The scoring matrix page and the hand-back dialog, run on their real HTML in jsdom with a fake Xrm.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DRAFT, LEAD, fakeXrm, loadPage, until } from "./pageHelpers";

afterEach(() => {
  delete (window as unknown as { Xrm?: unknown }).Xrm;
  vi.resetModules();
});

describe("scoring matrix page", () => {
  it("shows the model from the data parameter: thresholds, approvals, rules by category; rule names are text", async () => {
    const { xrm } = fakeXrm();
    loadPage("scoringmatrix.html", `?data=${encodeURIComponent("modelid=" + DRAFT)}`);
    await import("../../src/scoringmatrix/main");
    await until(() => document.querySelectorAll(".rule-table").length === 2, "the rule tables");

    expect(document.getElementById("model-title")!.textContent).toBe("Default v4 (Draft)");
    expect((document.getElementById("model-select") as HTMLSelectElement).value).toBe(DRAFT);
    expect(document.querySelector('[data-testid="threshold"]')!.textContent).toBe("90");
    expect(document.querySelector('[data-testid="approval-state"]')!.textContent).toBe("Awaiting the sales approval.");
    expect(document.querySelector('[data-testid="approval-marketing"]')!.textContent).toBe(
      "Marketing approved by <i>Maria</i> Marketing on May 20, 2026, 10:00 AM",
    );
    expect(document.querySelector('[data-testid="approval-sales"]')!.textContent).toBe("Sales not approved yet");
    expect(document.querySelector('[data-testid="backtest"]')!.textContent).toBe(
      "No backtest stored with this version: the score card says nothing about what a grade means.",
    );

    const [fit, engagement] = [...document.querySelectorAll(".rule-table")];
    const names = (t: Element) => [...t.querySelectorAll("tbody .rule-name")].map((n) => n.firstChild!.textContent);
    expect(names(fit!)).toEqual(["Company size 500+", "Director-level title", "<img src=x onerror=alert(1)>", "Personal email domain"]);
    expect(names(engagement!)).toEqual([
      "Whitepaper download",
      "Webinar attended",
      "Pricing page visit",
      "Five interactions in a week",
      "Four emails without an open or click",
    ]);
    const webinar = engagement!.querySelector('tr[data-rule="webinar"]')!;
    expect([...webinar.querySelectorAll("td")].map((c) => c.textContent)).toEqual([
      "ls_interaction",
      "ls_type Equals Webinar attendancelead's jobtitle Contains \"engineer\"",
      "Conditions",
      "+25",
      "at most 3 times",
      "after 120 days",
    ]);
    expect([...webinar.querySelectorAll(".condition.persona")].map((c) => c.textContent)).toEqual(["lead's jobtitle Contains \"engineer\""]);
    expect(engagement!.querySelector('tr[data-rule="unanswered"] td:nth-child(4)')!.textContent).toBe("Unanswered emails");
    expect(document.querySelectorAll("img, i")).toHaveLength(0);
    expect(xrm.WebApi.retrieveMultipleRecords).toHaveBeenCalledWith("ls_scoringrule", expect.stringContaining(`$filter=_ls_scoringmodelid_value eq ${DRAFT}`));
  });

  it("defaults to the active model and runs the what-if for a picked lead under both models", async () => {
    const { xrm, execute } = fakeXrm();
    loadPage("scoringmatrix.html", "");
    await import("../../src/scoringmatrix/main");
    await until(() => document.querySelectorAll(".rule-table").length === 2, "the rule tables");
    expect(document.getElementById("model-title")!.textContent).toBe("Default v3 (Active)");
    // ls_gradeconversion as the server writes it (GradeConversionText): what each grade meant in the last backtest.
    expect(document.querySelector('[data-testid="backtest"]')!.textContent).toBe(
      "Backtest of May 1, 2026, 240 leads, converted by grade: A1 87 %A2 86 %A3 30 %B1 60 %B2 40 %B3 17 %C1 20 %C2 10 %C3 0 %",
    );

    // Switch to the draft and compare.
    const select = document.getElementById("model-select") as HTMLSelectElement;
    select.value = DRAFT;
    select.dispatchEvent(new Event("change"));
    await until(() => document.getElementById("model-title")!.textContent === "Default v4 (Draft)", "the draft");
    (document.getElementById("pick-lead") as HTMLButtonElement).click();
    await until(() => !!document.querySelector('[data-testid="whatif-diff"]'), "the what-if");

    expect(xrm.Utility.lookupObjects).toHaveBeenCalledWith({ entityTypes: ["lead"], defaultEntityType: "lead", allowMultiSelect: false });
    const calls = execute.mock.calls.map((c) => c[0] as unknown as { ModelId?: Record<string, string>; entity: { id: string } });
    expect(calls).toHaveLength(2);
    expect(calls.every((c) => c.entity.id === LEAD)).toBe(true);
    expect(calls.filter((c) => c.ModelId).map((c) => c.ModelId!.ls_scoringmodelid)).toEqual([DRAFT]);

    expect(document.querySelector(".lead-name")!.textContent).toBe("Ada Lovelace <ada@example.com>");
    expect(document.querySelector('[data-testid="whatif-this"] .whatif-score')!.textContent).toBe("124");
    expect(document.querySelector('[data-testid="whatif-active"] .whatif-score')!.textContent).toBe("112");
    expect(document.querySelector('[data-testid="whatif-this"] h3')!.textContent).toBe("Under Default v4");
    expect(document.querySelector('[data-testid="whatif-active"] h3')!.textContent).toBe("Under the active model, Default v3");
    expect(document.querySelector('[data-testid="whatif-diff"]')!.textContent).toBe("This model scores the lead 12 points higher than the active model.");
  });

  it("takes a typed lead id and rejects text that is not a GUID", async () => {
    const { execute } = fakeXrm();
    loadPage("scoringmatrix.html", "");
    await import("../../src/scoringmatrix/main");
    await until(() => document.querySelectorAll(".rule-table").length === 2, "the rule tables");
    const input = document.getElementById("lead-id") as HTMLInputElement;
    const form = document.getElementById("whatif-form") as HTMLFormElement;
    input.value = "<img src=x onerror=alert(1)>";
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    await until(() => !document.getElementById("lead-id-error")!.hidden, "the error");
    // The message sits beside the field and describes it; the field is marked in words, not by colour alone.
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("lead-id-error");
    expect(document.getElementById("lead-id-error")!.textContent).toContain("Enter a lead id (a GUID");
    expect(document.activeElement).toBe(input);
    expect(execute).not.toHaveBeenCalled();

    input.value = LEAD;
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    await until(() => !!document.querySelector('[data-testid="whatif-diff"]'), "the what-if");
    expect(document.querySelector(".lead-name")!.textContent).toBe("Ada Lovelace <ada@example.com>");
    expect(document.getElementById("lead-id-error")!.hidden).toBe(true);
    expect(input.hasAttribute("aria-invalid")).toBe(false);
  });
});

describe("hand-back dialog", () => {
  it("requires a reason, calls ls_HandBackLead through parent Xrm and shows the result", async () => {
    const { execute } = fakeXrm();
    loadPage("handback.html", `?data=${encodeURIComponent(`leadid={${LEAD.toUpperCase()}}&leadname=<b>Ada</b>`)}`);
    await import("../../src/handback/main");
    expect(document.getElementById("lead-name")!.textContent).toBe("<b>Ada</b>");
    expect(document.activeElement?.id).toBe("reason");

    const form = document.getElementById("handback-form") as HTMLFormElement;
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(document.getElementById("error")!.textContent).toBe("Enter the reason for handing this lead back.");
    expect(document.getElementById("error")!.hidden).toBe(false);
    expect(execute).not.toHaveBeenCalled();

    (document.getElementById("reason") as HTMLTextAreaElement).value = "  Budget frozen until Q3  ";
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    await until(() => !document.getElementById("result")!.hidden, "the result");
    const req = execute.mock.calls[0]![0] as unknown as { Reason: string; entity: { id: string }; getMetadata(): { operationName: string } };
    expect(req.getMetadata().operationName).toBe("ls_HandBackLead");
    expect(req.Reason).toBe("Budget frozen until Q3");
    expect(req.entity.id).toBe(LEAD);
    expect(document.getElementById("result")!.textContent).toContain("The score is now 85, stage Recycled.");
    expect((document.getElementById("reason") as HTMLTextAreaElement).maxLength).toBe(500);
  });

  it("closes itself with the host's navigateBack: after success, on Cancel and on Escape", async () => {
    const navigateBack = vi.fn(async () => undefined);
    fakeXrm({ Navigation: { navigateBack } });
    loadPage("handback.html", `?data=${encodeURIComponent(`leadid=${LEAD}`)}`);
    await import("../../src/handback/main");
    expect(document.getElementById("cancel")!.hidden).toBe(false);
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(navigateBack).toHaveBeenCalledTimes(1);
    (document.getElementById("cancel") as HTMLButtonElement).click();
    expect(navigateBack).toHaveBeenCalledTimes(2);
    (document.getElementById("reason") as HTMLTextAreaElement).value = "Wrong person";
    (document.getElementById("handback-form") as HTMLFormElement).dispatchEvent(new Event("submit", { cancelable: true }));
    await until(() => navigateBack.mock.calls.length === 3, "the close after success");
  });

  it("offers no Cancel button where the host cannot close the dialog", async () => {
    fakeXrm();
    loadPage("handback.html", `?data=${encodeURIComponent(`leadid=${LEAD}`)}`);
    await import("../../src/handback/main");
    expect(document.getElementById("cancel")!.hidden).toBe(true);
  });

  it("shows the server's error as text and lets the user retry", async () => {
    const { execute } = fakeXrm();
    execute.mockRejectedValueOnce({ errorCode: 1, message: "Only a sales-ready lead can be handed back <b>now</b>" });
    loadPage("handback.html", `?data=${encodeURIComponent(`leadid=${LEAD}`)}`);
    await import("../../src/handback/main");
    (document.getElementById("reason") as HTMLTextAreaElement).value = "Wrong person";
    (document.getElementById("handback-form") as HTMLFormElement).dispatchEvent(new Event("submit", { cancelable: true }));
    await until(() => !document.getElementById("error")!.hidden, "the error");
    expect(document.getElementById("error")!.textContent).toBe(
      "The lead could not be handed back: Only a sales-ready lead can be handed back <b>now</b>",
    );
    expect(document.querySelector("#error b")).toBeNull();
    expect(document.getElementById("submit")!.hasAttribute("aria-disabled")).toBe(false);
    expect(document.activeElement?.id).toBe("reason");
  });
});
