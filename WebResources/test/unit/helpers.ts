import { readFileSync } from "node:fs";
import { join } from "node:path";
import { vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import { LifecycleStage, ScoreCardControlName } from "../../src/shared/schema";
import { customApisOf, requestProblems } from "../contract/custom-api-contract";

export const LEAD_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

/** The Custom API definitions of the solution (pac-config.json at the repository root). */
export const customApis = customApisOf(JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "pac-config.json"), "utf8")));

/**
 * Xrm.WebApi.online.execute as the tests' fake app provides it: a request that breaks the Custom API
 * contract is refused with the server's kind of message before the test's own handler sees it.
 */
export function contractChecked<T extends (request: never) => Promise<unknown>>(handler: T): (request: unknown) => Promise<unknown> {
  return async (request: unknown) => {
    const problems = requestProblems(customApis, request);
    if (problems.length) throw { errorCode: -2147220891, message: problems.join("; ") };
    return handler(request as never);
  };
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, "..", "fixtures", name), "utf8"));
}

/** What Xrm.WebApi.online.execute resolves with: a fetch Response whose body holds the output parameters. */
export function executeResponse(body: Record<string, unknown>): unknown {
  return { ok: true, status: 200, json: async () => body };
}

export function explanationResponse(explanation: Record<string, unknown>): unknown {
  return executeResponse({ Explanation: JSON.stringify(explanation) });
}

export interface LeadForm {
  id?: string | null;
  name?: string;
  stage?: number | null;
  score?: number | null;
  grade?: string | null;
  handBackReason?: string | null;
  handBackOn?: Date | null;
  handBackCount?: number | null;
}

const stageOptions = Object.entries(LifecycleStage).map(([text, value]) => ({ text, value }));

/** A lead main form in xrm-mock, with our columns, a score card control and the user's settings. */
export function setupLeadForm(lead: LeadForm = {}) {
  XrmMockGenerator.initialise({
    entity: {
      id: lead.id === null ? "" : `{${(lead.id ?? LEAD_ID).toUpperCase()}}`,
      entityName: "lead",
      primaryValue: lead.name ?? "Ada Lovelace",
    },
  });
  const A = XrmMockGenerator.Attribute;
  A.createOptionSet("ls_lifecyclestage", lead.stage ?? LifecycleStage.MarketingQualified, stageOptions);
  if (lead.stage === null) XrmMockGenerator.getFormContext().getAttribute("ls_lifecyclestage")!.setValue(null);
  A.createNumber("ls_score", lead.score ?? 112);
  A.createString("ls_grade", lead.grade ?? "A2");
  A.createString("ls_handbackreason", lead.handBackReason ?? (null as unknown as string));
  A.createDate("ls_handbackon", lead.handBackOn ?? (null as unknown as Date));
  A.createNumber("ls_handbackcount", lead.handBackCount ?? 0);

  const fc = XrmMockGenerator.getFormContext();
  // A lead not saved yet has no id (xrm-mock would otherwise put a default one).
  if (lead.id === null) (fc.data.entity as unknown as { id: string }).id = "";
  const us = XrmMockGenerator.context.userSettings as unknown as Record<string, unknown>;
  us.languageId = 1033;
  us.getTimeZoneOffsetMinutes = () => 0;

  // The score card's web-resource control: getContentWindow resolves with the card's window.
  const cardWindow = { setClientApiContext: vi.fn() };
  const cardControl = {
    getName: () => ScoreCardControlName,
    getControlType: () => "webresource",
    getContentWindow: vi.fn(async () => cardWindow),
  };
  (fc.ui.controls as unknown as { push(c: unknown): void }).push(cardControl);

  const execute = vi.fn();
  (Xrm.WebApi.online as unknown as { execute: unknown }).execute = contractChecked(execute);
  const data = fc.data as unknown as Record<string, unknown>;
  data.refresh = vi.fn(async () => undefined);
  data.save = vi.fn(async () => undefined);

  return { fc, execute, cardWindow, cardControl, eventContext: XrmMockGenerator.getEventContext() };
}

export function notifications(fc: Xrm.FormContext): { message: string; level: string; uniqueId: string }[] {
  return ((fc.ui as unknown as { formNotifications?: { message: string; level: string; uniqueId: string }[] }).formNotifications ?? []).slice();
}
