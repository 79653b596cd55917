// The two Custom APIs the web resources call, through Xrm.WebApi.online.execute.
// A request object exposes getMetadata(); for an API bound to a table, boundParameter is "entity" and
// the record goes in the `entity` property; operationType 0 is an action.
// https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-webapi/online/execute
import { CustomApi, CustomApiOutputs, CustomApiParameters, Lead, ScoringModel, type StageName } from "./schema";

export interface Reason {
  ruleId: string;
  name: string;
  category: "fit" | "engagement" | string;
  points: number;
}

export interface HistoryPoint {
  at: string;
  score: number;
  fit: number;
  engagement: number;
  kind: string;
  points: number;
  reason: string | null;
}

export interface DecayStatus {
  active: boolean;
  lastEngagementOn: string | null;
  nextDebitOn: string | null;
  points: number;
  daysUntilNextDebit: number | null;
}

/** How leads of the lead's grade converted in the model's last backtest. */
export interface GradeConversion {
  grade: string;
  leads: number;
  converted: number;
  source: string;
  /** yyyy-MM-dd */
  measuredOn: string;
  sampleLeads: number;
}

/** The JSON in ls_ExplainLeadScore's Explanation output. */
export interface Explanation {
  leadId: string;
  score: number;
  fit: number;
  engagement: number;
  grade: string | null;
  /** Null when the model version has no backtest (the card then says nothing about the grade's meaning). */
  gradeConversion: GradeConversion | null;
  stage: StageName | string | null;
  salesReadyThreshold: number;
  minimumFit: number;
  minimumEngagement: number;
  salesReady: boolean;
  modelName: string | null;
  modelVersion: number | null;
  handBackCount: number;
  handBackReason: string | null;
  gradeMatrix: { fitBands: number[]; engagementBands: number[] };
  reasons: Reason[];
  history: HistoryPoint[];
  decay: DecayStatus | null;
}

const num = (v: unknown, d = 0): number => (typeof v === "number" && Number.isFinite(v) ? v : d);
const str = (v: unknown): string | null => (typeof v === "string" ? v : v === null || v === undefined ? null : String(v));
const numArr = (v: unknown, d: number[]): number[] =>
  Array.isArray(v) && v.every((x) => typeof x === "number") ? (v as number[]) : d;

function gradeConversionOf(v: unknown): GradeConversion | null {
  if (!v || typeof v !== "object") return null;
  const g = v as Record<string, unknown>;
  const leads = num(g.leads, -1);
  const converted = num(g.converted, -1);
  const grade = str(g.grade);
  const measuredOn = str(g.measuredOn);
  if (!grade || !measuredOn || leads < 1 || converted < 0 || converted > leads) return null;
  return { grade, leads, converted, source: str(g.source) ?? "backtest", measuredOn, sampleLeads: num(g.sampleLeads, leads) };
}

/** Parses and normalises the Explanation JSON; throws on text that is not a JSON object. */
export function parseExplanation(json: string): Explanation {
  const o = JSON.parse(json) as Record<string, unknown>;
  if (!o || typeof o !== "object" || Array.isArray(o)) throw new Error("Explanation is not a JSON object");
  const gm = (o.gradeMatrix ?? {}) as Record<string, unknown>;
  const decay = o.decay && typeof o.decay === "object" ? (o.decay as Record<string, unknown>) : null;
  return {
    leadId: str(o.leadId) ?? "",
    score: num(o.score),
    fit: num(o.fit),
    engagement: num(o.engagement),
    grade: str(o.grade),
    gradeConversion: gradeConversionOf(o.gradeConversion),
    stage: str(o.stage),
    salesReadyThreshold: num(o.salesReadyThreshold),
    minimumFit: num(o.minimumFit),
    minimumEngagement: num(o.minimumEngagement),
    salesReady: o.salesReady === true,
    modelName: str(o.modelName),
    modelVersion: typeof o.modelVersion === "number" ? o.modelVersion : null,
    handBackCount: num(o.handBackCount),
    handBackReason: str(o.handBackReason),
    gradeMatrix: { fitBands: numArr(gm.fitBands, [60, 30]), engagementBands: numArr(gm.engagementBands, [80, 40]) },
    reasons: (Array.isArray(o.reasons) ? o.reasons : []).map((r: Record<string, unknown>) => ({
      ruleId: str(r.ruleId) ?? "",
      name: str(r.name) ?? str(r.ruleId) ?? "",
      category: str(r.category) ?? "",
      points: num(r.points),
    })),
    history: (Array.isArray(o.history) ? o.history : [])
      .map((p: Record<string, unknown>) => ({
        at: str(p.at) ?? "",
        score: num(p.score),
        fit: num(p.fit),
        engagement: num(p.engagement),
        kind: str(p.kind) ?? "",
        points: num(p.points),
        reason: str(p.reason),
      }))
      .filter((p) => !Number.isNaN(new Date(p.at).getTime()))
      .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime()),
    decay: decay
      ? {
          active: decay.active === true,
          lastEngagementOn: str(decay.lastEngagementOn),
          nextDebitOn: str(decay.nextDebitOn),
          points: num(decay.points),
          daysUntilNextDebit: typeof decay.daysUntilNextDebit === "number" ? decay.daysUntilNextDebit : null,
        }
      : null,
  };
}

const leadParameterType = { typeName: "mscrm.lead", structuralProperty: 5 };

/** Request object for ls_ExplainLeadScore (bound to lead). */
/**
 * The most reasons ls_ExplainLeadScore returns (its Top, 1 to 50). It returns the largest of either
 * sign, so the score card asks for all of them: a small debit is not crowded out by larger awards.
 */
export const MaxReasons = 50;

export function explainLeadScoreRequest(leadId: string, options: { top?: number; modelId?: string } = {}): object {
  const parameterTypes: Record<string, { typeName: string; structuralProperty: number }> = {
    entity: leadParameterType,
  };
  const request: Record<string, unknown> = { entity: { entityType: Lead.table, id: leadId } };
  if (options.top !== undefined) {
    request[CustomApiParameters.top] = options.top;
    parameterTypes[CustomApiParameters.top] = { typeName: "Edm.Int32", structuralProperty: 1 };
  }
  if (options.modelId) {
    // An EntityReference parameter goes to the Web API as the record's JSON: its type and primary key.
    request[CustomApiParameters.modelId] = { "@odata.type": `Microsoft.Dynamics.CRM.${ScoringModel.table}`, [ScoringModel.id]: options.modelId };
    parameterTypes[CustomApiParameters.modelId] = { typeName: `mscrm.${ScoringModel.table}`, structuralProperty: 5 };
  }
  request.getMetadata = () => ({
    boundParameter: "entity",
    parameterTypes,
    operationType: 0,
    operationName: CustomApi.explainLeadScore,
  });
  return request;
}

/** Request object for ls_HandBackLead (bound to lead). */
export function handBackLeadRequest(leadId: string, reason: string): object {
  return {
    entity: { entityType: Lead.table, id: leadId },
    [CustomApiParameters.reason]: reason,
    getMetadata: () => ({
      boundParameter: "entity",
      parameterTypes: {
        entity: leadParameterType,
        [CustomApiParameters.reason]: { typeName: "Edm.String", structuralProperty: 1 },
      },
      operationType: 0,
      operationName: CustomApi.handBackLead,
    }),
  };
}

interface ResponseLike {
  ok?: boolean;
  status?: number;
  json?: () => Promise<unknown>;
}

async function outputOf(response: unknown): Promise<Record<string, unknown>> {
  const r = response as ResponseLike;
  if (r && r.ok === false) throw new Error(`The request failed (HTTP ${r.status ?? "?"})`);
  if (r && typeof r.json === "function") return ((await r.json()) ?? {}) as Record<string, unknown>;
  return (response ?? {}) as Record<string, unknown>;
}

/** Calls ls_ExplainLeadScore and parses its Explanation. */
export async function explainLeadScore(
  xrm: Xrm.XrmStatic,
  leadId: string,
  options: { top?: number; modelId?: string } = {},
): Promise<Explanation> {
  const response = await xrm.WebApi.online.execute(explainLeadScoreRequest(leadId, options));
  const out = await outputOf(response);
  const explanation = out[CustomApiOutputs.explanation];
  if (typeof explanation !== "string") throw new Error("ls_ExplainLeadScore returned no Explanation");
  return parseExplanation(explanation);
}

export interface HandBackResult {
  score: number;
  lifecycleStage: number;
}

/** Calls ls_HandBackLead. */
export async function handBackLead(xrm: Xrm.XrmStatic, leadId: string, reason: string): Promise<HandBackResult> {
  const response = await xrm.WebApi.online.execute(handBackLeadRequest(leadId, reason));
  const out = await outputOf(response);
  return { score: num(out[CustomApiOutputs.score]), lifecycleStage: num(out[CustomApiOutputs.lifecycleStage]) };
}
