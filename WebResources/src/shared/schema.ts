// Logical names and choice values shared with the server side. They mirror
// Plugins/Dataverse/Schema.cs exactly; the solution's consistency tests check both against the solution.

export const Lead = {
  table: "lead",
  id: "leadid",
  fullName: "fullname",
  score: "ls_score",
  fitScore: "ls_fitscore",
  engagementScore: "ls_engagementscore",
  grade: "ls_grade",
  lifecycleStage: "ls_lifecyclestage",
  salesReadyOn: "ls_salesreadyon",
  lastEngagementOn: "ls_lastengagementon",
  handBackOn: "ls_handbackon",
  handBackCount: "ls_handbackcount",
  handBackReason: "ls_handbackreason",
  scoringModelId: "ls_scoringmodelid",
  stateCode: "statecode",
} as const;

export const LifecycleStage = {
  New: 100000000,
  Engaged: 100000001,
  MarketingQualified: 100000002,
  SalesAccepted: 100000003,
  Recycled: 100000004,
  Disqualified: 100000005,
} as const;

export type StageName = keyof typeof LifecycleStage;

/** Display labels of the stages (the vocabulary of DESIGN.md). */
export const StageLabels: Record<StageName, string> = {
  New: "New",
  Engaged: "Engaged",
  MarketingQualified: "Marketing Qualified",
  SalesAccepted: "Sales Accepted",
  Recycled: "Recycled",
  Disqualified: "Disqualified",
};

export function stageNameOf(value: number | null | undefined): StageName | null {
  for (const [name, v] of Object.entries(LifecycleStage)) if (v === value) return name as StageName;
  return null;
}

export const ScoringModel = {
  table: "ls_scoringmodel",
  id: "ls_scoringmodelid",
  name: "ls_name",
  version: "ls_version",
  status: "ls_status",
  salesReadyThreshold: "ls_salesreadythreshold",
  minimumFit: "ls_minimumfit",
  minimumEngagement: "ls_minimumengagement",
  fitCap: "ls_fitcap",
  engagementCap: "ls_engagementcap",
  floor: "ls_floor",
  fitBands: "ls_fitbands",
  engagementBands: "ls_engagementbands",
  marketingApproverId: "ls_marketingapproverid",
  salesApproverId: "ls_salesapproverid",
  marketingApprovedOn: "ls_marketingapprovedon",
  salesApprovedOn: "ls_salesapprovedon",
  /** Text as Plugins/Dataverse/GradeConversionText.cs writes it (source, date, leads, grade=converted/leads). */
  gradeConversion: "ls_gradeconversion",
} as const;

export const ModelStatus = { Draft: 100000000, Active: 100000001, Retired: 100000002 } as const;

export const ScoringRule = {
  table: "ls_scoringrule",
  id: "ls_scoringruleid",
  scoringModelId: "ls_scoringmodelid",
  ruleKey: "ls_rulekey",
  name: "ls_name",
  category: "ls_category",
  kind: "ls_kind",
  watchedTable: "ls_table",
  points: "ls_points",
  limitType: "ls_limittype",
  limitValue: "ls_limitvalue",
  expiresAfterDays: "ls_expiresafterdays",
} as const;

export const ScoringCondition = {
  table: "ls_scoringcondition",
  scoringRuleId: "ls_scoringruleid",
  attribute: "ls_attribute",
  columnTable: "ls_table",
  operator: "ls_operator",
  value: "ls_value",
  valueLabel: "ls_valuelabel",
} as const;

export const Category = { Fit: 100000000, Engagement: 100000001 } as const;

export const RuleKind = { Conditions: 100000000, UnansweredEmails: 100000001, ActivityVolume: 100000002 } as const;

export const LimitType = {
  None: 100000000,
  PerLead: 100000001,
  PerRecord: 100000002,
  MaxTimes: 100000003,
  OncePerDays: 100000004,
} as const;

export const CustomApi = {
  handBackLead: "ls_HandBackLead",
  explainLeadScore: "ls_ExplainLeadScore",
} as const;

/**
 * Request parameters and response properties of those Custom APIs, as pac-config.json declares them
 * (WebResources/test/unit/contract.test.ts checks every request the pages build against that file).
 */
export const CustomApiParameters = {
  top: "Top",
  modelId: "ModelId",
  reason: "Reason",
} as const;

/** ls_HandBackLead's Reason: at most as long as the lead's ls_handbackreason column (Text(500)). */
export const HandBackReasonMaxLength = 500;

/** The scoring matrix's what-if compares scores, not reasons: it asks for the fewest reasons ls_ExplainLeadScore allows (Top ≥ 1). */
export const WhatIfReasons = 1;

export const CustomApiOutputs = {
  explanation: "Explanation",
  score: "Score",
  lifecycleStage: "LifecycleStage",
} as const;

/** Names of the web resources as they are registered in the solution. */
export const WebResourceNames = {
  leadFormScript: "ls_/scripts/leadform.js",
  scoreCard: "ls_/html/scorecard.html",
  handBackDialog: "ls_/html/handback.html",
  scoringMatrix: "ls_/html/scoringmatrix.html",
} as const;

/** Name of the score card's web-resource control on the lead main form. */
export const ScoreCardControlName = "WebResource_ls_scorecard";
