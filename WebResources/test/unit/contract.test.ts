// Contract tests: every Custom API request the web resources build is checked against the Custom API
// definitions in pac-config.json (the file the solution's customapis/ are generated from): names,
// binding, action or function, parameter types and the declared ranges. The fake Xrm of the other unit
// tests and of the browser tests refuses a request that breaks the contract, as the server would.
import { describe, expect, it } from "vitest";
import { explainLeadScoreRequest, handBackLeadRequest } from "../../src/shared/api";
import { ReasonsRequested } from "../../src/leadform/leadform";
import { CustomApi, CustomApiOutputs, HandBackReasonMaxLength as MAX_REASON_LENGTH, WhatIfReasons } from "../../src/shared/schema";
import { requestProblems, responseProblems } from "../contract/custom-api-contract";
import { customApis, LEAD_ID } from "./helpers";

const MODEL = "22222222-2222-4222-8222-222222222222";
const definition = (api: string, parameter: string) =>
  customApis.find((a) => a.uniqueName === api)!.requestParameters.find((p) => p.name === parameter)!;

describe("Custom API contract (pac-config.json)", () => {
  it("the lead form's explain request keeps it", () => {
    expect(requestProblems(customApis, explainLeadScoreRequest(LEAD_ID, { top: ReasonsRequested }))).toEqual([]);
  });

  it("the scoring matrix's what-if requests keep it (with and without ModelId)", () => {
    expect(requestProblems(customApis, explainLeadScoreRequest(LEAD_ID, { top: WhatIfReasons, modelId: MODEL }))).toEqual([]);
    expect(requestProblems(customApis, explainLeadScoreRequest(LEAD_ID, { top: WhatIfReasons }))).toEqual([]);
  });

  it("the hand-back request keeps it up to the longest reason the dialog accepts", () => {
    expect(MAX_REASON_LENGTH).toBe(definition(CustomApi.handBackLead, "Reason").maxLength);
    expect(requestProblems(customApis, handBackLeadRequest(LEAD_ID, "x".repeat(MAX_REASON_LENGTH)))).toEqual([]);
    expect(requestProblems(customApis, handBackLeadRequest(LEAD_ID, "x".repeat(MAX_REASON_LENGTH + 1)))).toEqual([
      "Reason may be at most 500 characters; got 501",
    ]);
  });

  it("refuses what the server refuses: Top outside its declared range (the what-if once sent 0)", () => {
    const top = definition(CustomApi.explainLeadScore, "Top");
    expect([top.minimum, top.maximum]).toEqual([1, 50]);
    expect(requestProblems(customApis, explainLeadScoreRequest(LEAD_ID, { top: 0 }))).toEqual(["Top must be between 1 and 50; got 0"]);
    expect(requestProblems(customApis, explainLeadScoreRequest(LEAD_ID, { top: 51 }))).toEqual(["Top must be between 1 and 50; got 51"]);
    expect(requestProblems(customApis, explainLeadScoreRequest(LEAD_ID, { top: 2.5 }))).toEqual(["Top must be a whole number; got 2.5"]);
  });

  it("refuses a wrong name, binding, operation type or parameter type", () => {
    const wrong = (patch: Record<string, unknown>, request: Record<string, unknown> = {}) => {
      const base = explainLeadScoreRequest(LEAD_ID, { top: 5 }) as Record<string, unknown> & { getMetadata(): Record<string, unknown> };
      const meta = base.getMetadata();
      return requestProblems(customApis, { ...base, ...request, getMetadata: () => ({ ...meta, ...patch }) });
    };
    expect(wrong({ operationName: "ls_ExplainLead" })).toEqual(["ls_ExplainLead is not a Custom API of the solution"]);
    expect(wrong({ operationType: 1 })[0]).toContain("operationType must be 0");
    expect(wrong({ boundParameter: undefined })[0]).toContain('boundParameter must be "entity"');
    expect(wrong({ parameterTypes: { entity: { typeName: "mscrm.lead", structuralProperty: 5 }, Top: { typeName: "Edm.String", structuralProperty: 1 } } })[0]).toContain("typeName must be Edm.Int32");
    expect(wrong({}, { Count: 3 })).toEqual(["Count is set on the request but not in parameterTypes, so it is never sent"]);
    expect(requestProblems(customApis, { ...handBackLeadRequest(LEAD_ID, "r"), Reason: undefined })).toEqual(["ls_HandBackLead needs Reason"]);
  });

  it("every response property the pages read is declared", () => {
    expect(responseProblems(customApis, CustomApi.explainLeadScore, [CustomApiOutputs.explanation])).toEqual([]);
    expect(responseProblems(customApis, CustomApi.handBackLead, [CustomApiOutputs.score, CustomApiOutputs.lifecycleStage])).toEqual([]);
    expect(responseProblems(customApis, CustomApi.handBackLead, ["Explanation"])).toEqual(["ls_HandBackLead returns no Explanation"]);
  });
});
