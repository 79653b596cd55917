// Reads the admins' configuration tables with Xrm.WebApi.retrieveMultipleRecords
// (https://learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-webapi/retrievemultiplerecords).
// Names of approvers come from the lookups' formatted values.
import { Category, LimitType, ModelStatus, RuleKind, ScoringModel as M, ScoringRule as R } from "../shared/schema";

const FV = "@OData.Community.Display.V1.FormattedValue";

export interface ModelRow {
  id: string;
  name: string;
  version: number | null;
  status: number | null;
  statusLabel: string;
  salesReadyThreshold: number | null;
  minimumFit: number | null;
  minimumEngagement: number | null;
  fitCap: number | null;
  engagementCap: number | null;
  floor: number | null;
  fitBands: number[];
  engagementBands: number[];
  marketingApprover: string | null;
  marketingApprovedOn: string | null;
  salesApprover: string | null;
  salesApprovedOn: string | null;
  /** The model version's last backtest: conversion by grade; null when none was stored. */
  backtest: Backtest | null;
}

export interface Backtest {
  measuredOn: string;
  leads: number;
  grades: { grade: string; leads: number; converted: number }[];
}

export interface RuleRow {
  id: string;
  key: string;
  name: string;
  category: number | null;
  kind: number | null;
  kindLabel: string;
  table: string;
  points: number;
  limitType: number | null;
  limitValue: number | null;
  expiresAfterDays: number | null;
}

type Row = Record<string, unknown>;

const n = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const t = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function parseBands(text: string | null, fallback: number[]): number[] {
  if (!text) return fallback;
  const nums = text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(Number)
    .filter((x) => Number.isFinite(x));
  return nums.length ? nums : fallback;
}

const statusLabels: Record<number, string> = {
  [ModelStatus.Draft]: "Draft",
  [ModelStatus.Active]: "Active",
  [ModelStatus.Retired]: "Retired",
};

const kindLabels: Record<number, string> = {
  [RuleKind.Conditions]: "Conditions",
  [RuleKind.UnansweredEmails]: "Unanswered emails",
  [RuleKind.ActivityVolume]: "Activity volume",
};

export function toModel(r: Row): ModelRow {
  const status = n(r[M.status]);
  return {
    id: String(r[M.id] ?? ""),
    name: t(r[M.name]) ?? "(no name)",
    version: n(r[M.version]),
    status,
    statusLabel: t(r[M.status + FV]) ?? (status !== null ? statusLabels[status] ?? String(status) : "Unknown"),
    salesReadyThreshold: n(r[M.salesReadyThreshold]),
    minimumFit: n(r[M.minimumFit]),
    minimumEngagement: n(r[M.minimumEngagement]),
    fitCap: n(r[M.fitCap]),
    engagementCap: n(r[M.engagementCap]),
    floor: n(r[M.floor]),
    fitBands: parseBands(t(r[M.fitBands]), [60, 30]),
    engagementBands: parseBands(t(r[M.engagementBands]), [80, 40]),
    marketingApprover: t(r[`_${M.marketingApproverId}_value${FV}`]),
    marketingApprovedOn: t(r[M.marketingApprovedOn]),
    salesApprover: t(r[`_${M.salesApproverId}_value${FV}`]),
    salesApprovedOn: t(r[M.salesApprovedOn]),
    backtest: parseBacktest(t(r[M.gradeConversion])),
  };
}

/** Reads ls_gradeconversion as GradeConversionText.Format writes it; null when it is empty or not in that form. */
export function parseBacktest(text: string | null): Backtest | null {
  const parts = (text ?? "").split(" ").filter(Boolean);
  if (parts.length < 3 || parts[0] !== "backtest" || !/^\d{4}-\d{2}-\d{2}$/.test(parts[1]!) || !/^\d+$/.test(parts[2]!)) return null;
  const grades = parts.slice(3).map((p) => /^([^=]+)=(\d+)\/(\d+)$/.exec(p));
  if (grades.some((g) => !g)) return null;
  return {
    measuredOn: parts[1]!,
    leads: Number(parts[2]),
    grades: grades.map((g) => ({ grade: g![1]!, converted: Number(g![2]), leads: Number(g![3]) })),
  };
}

export function toRule(r: Row): RuleRow {
  const kind = n(r[R.kind]);
  return {
    id: String(r[R.id] ?? ""),
    key: t(r[R.ruleKey]) ?? "",
    name: t(r[R.name]) ?? t(r[R.ruleKey]) ?? "(no name)",
    category: n(r[R.category]),
    kind,
    kindLabel: t(r[R.kind + FV]) ?? (kind !== null ? kindLabels[kind] ?? String(kind) : "Conditions"),
    table: t(r[R.watchedTable]) ?? "",
    points: n(r[R.points]) ?? 0,
    limitType: n(r[R.limitType]),
    limitValue: n(r[R.limitValue]),
    expiresAfterDays: n(r[R.expiresAfterDays]),
  };
}

export function limitText(rule: RuleRow, fmt: (x: number) => string): string {
  const v = rule.limitValue;
  switch (rule.limitType) {
    case LimitType.PerLead:
      return "once per lead";
    case LimitType.PerRecord:
      return "once per record";
    case LimitType.MaxTimes:
      return v !== null ? `at most ${fmt(v)} times` : "at most N times";
    case LimitType.OncePerDays:
      return v !== null ? `once per ${fmt(v)} days` : "once per N days";
    default:
      return "no limit";
  }
}

export function rulesByCategory(rules: RuleRow[]): { fit: RuleRow[]; engagement: RuleRow[] } {
  const order = (a: RuleRow, b: RuleRow) => b.points - a.points || a.name.localeCompare(b.name);
  return {
    fit: rules.filter((r) => r.category === Category.Fit).sort(order),
    engagement: rules.filter((r) => r.category !== Category.Fit).sort(order),
  };
}

const modelSelect = [
  M.id, M.name, M.version, M.status, M.salesReadyThreshold, M.minimumFit, M.minimumEngagement, M.fitCap,
  M.engagementCap, M.floor, M.fitBands, M.engagementBands, `_${M.marketingApproverId}_value`,
  M.marketingApprovedOn, `_${M.salesApproverId}_value`, M.salesApprovedOn, M.gradeConversion,
].join(",");

const ruleSelect = [
  R.id, R.ruleKey, R.name, R.category, R.kind, R.watchedTable, R.points, R.limitType, R.limitValue, R.expiresAfterDays,
].join(",");

export async function loadModels(xrm: Xrm.XrmStatic): Promise<ModelRow[]> {
  const res = await xrm.WebApi.retrieveMultipleRecords(M.table, `?$select=${modelSelect}&$orderby=${M.name} asc,${M.version} desc`);
  return (res.entities as Row[]).map(toModel);
}

export async function loadRules(xrm: Xrm.XrmStatic, modelId: string): Promise<RuleRow[]> {
  const res = await xrm.WebApi.retrieveMultipleRecords(
    R.table,
    `?$select=${ruleSelect}&$filter=_${R.scoringModelId}_value eq ${modelId}&$orderby=${R.category} asc,${R.points} desc`,
  );
  return (res.entities as Row[]).map(toRule);
}

/** The lead's name for the what-if, when the user typed an id instead of picking the lead. */
export async function loadLeadName(xrm: Xrm.XrmStatic, leadId: string): Promise<string | null> {
  try {
    const r = (await xrm.WebApi.retrieveRecord("lead", leadId, "?$select=fullname")) as Row;
    return t(r.fullname);
  } catch {
    return null;
  }
}
