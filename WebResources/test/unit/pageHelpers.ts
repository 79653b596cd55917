// The scoring matrix page and the hand-back dialog on their real HTML in jsdom, with a fake Xrm (shared by the page tests).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { vi } from "vitest";
import { contractChecked, executeResponse, explanationResponse, fixture } from "./helpers";

const html = (name: string) => readFileSync(join(__dirname, "..", "..", "html", name), "utf8");
const data = fixture("models.json") as {
  models: Record<string, unknown>[];
  rules: Record<string, Record<string, unknown>[]>;
  conditions: Record<string, Record<string, unknown>[]>;
  leads: Record<string, string>;
};
export const DRAFT = "22222222-2222-4222-8222-222222222222";
export const LEAD = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

export function loadPage(file: string, search: string): void {
  const doc = new DOMParser().parseFromString(html(file), "text/html");
  document.head.replaceChildren(...[...doc.head.children].map((n) => document.importNode(n, true)));
  // Scripts are imported by the test itself; drop the tag.
  document.body.replaceChildren(...[...doc.body.children].filter((n) => n.tagName !== "SCRIPT").map((n) => document.importNode(n, true)));
  window.history.replaceState({}, "", "/" + search);
}

export async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("timed out waiting for " + what);
}

export function fakeXrm(overrides: Record<string, unknown> = {}) {
  const execute = vi.fn(async (req: { Top?: number; ModelId?: unknown; getMetadata(): { operationName: string } }) => {
    if (req.getMetadata().operationName === "ls_ExplainLeadScore") {
      const base = fixture("explanation-salesready.json");
      return req.ModelId ? explanationResponse({ ...base, score: 124, engagement: 59, modelName: "Default", modelVersion: 4 }) : explanationResponse(base);
    }
    return executeResponse({ Score: 85, LifecycleStage: 100000004 });
  });
  const xrm = {
    Utility: {
      getGlobalContext: () => ({ userSettings: { languageId: 1033, isRTL: false, getTimeZoneOffsetMinutes: () => 0 } }),
      lookupObjects: vi.fn(async () => [{ entityType: "lead", id: `{${LEAD.toUpperCase()}}`, name: data.leads[LEAD] }]),
    },
    WebApi: {
      retrieveMultipleRecords: vi.fn(async (table: string, options: string) => {
        if (table === "ls_scoringmodel") return { entities: data.models };
        if (table === "ls_scoringcondition") return { entities: Object.values(data.conditions).flat() };
        const id = /_ls_scoringmodelid_value eq ([0-9a-f-]+)/.exec(options)![1]!;
        return { entities: data.rules[id] ?? [] };
      }),
      retrieveRecord: vi.fn(async () => ({ fullname: data.leads[LEAD] })),
      online: { execute: contractChecked(execute) },
    },
    Navigation: {},
    ...overrides,
  };
  (window as unknown as { Xrm: unknown }).Xrm = xrm;
  return { xrm, execute };
}

