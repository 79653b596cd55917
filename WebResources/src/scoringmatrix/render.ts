// Renders the scoring matrix page's sections. Pure DOM building: data text goes into text nodes only.
import type { Explanation } from "../shared/api";
import { h, replaceChildren } from "../shared/dom";
import type { Formatter } from "../shared/format";
import { ModelStatus } from "../shared/schema";
import { bandLabel, engagementBands, fitBands, gradeOf } from "../scorecard/grade";
import { stageLabel } from "../scorecard/render";
import { conditionText, limitText, rulesByCategory, type ModelRow, type RuleRow } from "./data";

/** A model's name and version, "Default v4". */
export function nameAndVersion(name: string, version: number | null, fmt: Formatter): string {
  return `${name}${version !== null ? ` v${fmt.number(version)}` : ""}`;
}

export function modelLabel(m: ModelRow, fmt: Formatter): string {
  return `${nameAndVersion(m.name, m.version, fmt)} (${m.statusLabel})`;
}

export function renderModelOptions(select: HTMLSelectElement, models: ModelRow[], selectedId: string | null, fmt: Formatter): void {
  const doc = select.ownerDocument;
  replaceChildren(
    select,
    ...models.map((m) => h(doc, "option", { value: m.id, selected: m.id === selectedId }, modelLabel(m, fmt))),
  );
  if (selectedId) select.value = selectedId;
}

function dlRow(doc: Document, term: string, value: string | Node, testId?: string): HTMLElement {
  return h(doc, "div", {}, h(doc, "dt", {}, term), h(doc, "dd", testId ? { "data-testid": testId } : {}, value));
}

function bandList(doc: Document, items: string[]): HTMLElement {
  return h(doc, "span", { class: "bands" }, ...items.map((t) => h(doc, "span", { class: "band-item" }, t)));
}

export function approvalState(m: ModelRow): string {
  const mk = !!m.marketingApprovedOn;
  const sl = !!m.salesApprovedOn;
  if (m.status === ModelStatus.Active) return "Active: approved by marketing and sales.";
  if (m.status === ModelStatus.Retired) return "Retired: no longer scores leads.";
  if (mk && sl) return "Approved by both teams: ready to activate.";
  if (mk) return "Awaiting the sales approval.";
  if (sl) return "Awaiting the marketing approval.";
  return "Awaiting the marketing and the sales approvals.";
}

/** How each grade converted in the model version's last backtest (what the score card tells sales reps). */
function backtestFacts(doc: Document, m: ModelRow, fmt: Formatter): HTMLElement {
  const b = m.backtest;
  if (!b) return h(doc, "p", { class: "backtest muted", "data-testid": "backtest" }, "No backtest stored with this version: the score card says nothing about what a grade means.");
  return h(
    doc,
    "p",
    { class: "backtest", "data-testid": "backtest" },
    `Backtest of ${fmt.day(b.measuredOn)}, ${fmt.number(b.leads)} leads, converted by grade: `,
    bandList(doc, b.grades.map((g) => `${g.grade} ${fmt.percent(g.leads ? g.converted / g.leads : 0)}`)),
  );
}

export function renderModel(root: HTMLElement, m: ModelRow, fmt: Formatter): void {
  const doc = root.ownerDocument;
  const num = (v: number | null) => (v === null ? "—" : fmt.number(v));
  const n = (x: number) => fmt.number(x);
  const approval = (team: string, who: string | null, when: string | null, id: string) =>
    h(
      doc,
      "li",
      { class: when ? "approved" : "pending", "data-testid": id },
      h(doc, "span", { class: "team" }, team),
      " ",
      when
        ? h(doc, "span", {}, "approved by ", h(doc, "strong", { class: "who" }, who ?? "unknown user"), ` on ${fmt.dateTime(when)}`)
        : h(doc, "span", { class: "muted" }, "not approved yet"),
    );
  replaceChildren(
    root,
    h(
      doc,
      "section",
      { class: "panel", "aria-labelledby": "thresholds-heading" },
      h(doc, "h2", { id: "thresholds-heading" }, "Thresholds"),
      h(
        doc,
        "dl",
        { class: "facts" },
        dlRow(doc, "Sales-ready threshold", num(m.salesReadyThreshold), "threshold"),
        dlRow(doc, "Minimum fit", num(m.minimumFit)),
        dlRow(doc, "Minimum engagement", num(m.minimumEngagement)),
        dlRow(doc, "Fit cap", num(m.fitCap)),
        dlRow(doc, "Engagement cap", num(m.engagementCap)),
        dlRow(doc, "Score floor", num(m.floor)),
        dlRow(doc, "Fit grades", bandList(doc, fitBands(m.fitBands).map((b) => `${b.code} ${bandLabel(b, n)}`))),
        dlRow(doc, "Engagement grades", bandList(doc, engagementBands(m.engagementBands).map((b) => `${b.code} ${bandLabel(b, n)}`))),
      ),
      backtestFacts(doc, m, fmt),
    ),
    h(
      doc,
      "section",
      { class: "panel", "aria-labelledby": "approval-heading" },
      h(doc, "h2", { id: "approval-heading" }, "Approval"),
      h(doc, "p", { class: `status status-${m.statusLabel.toLowerCase()}`, "data-testid": "approval-state" }, approvalState(m)),
      h(
        doc,
        "ul",
        { class: "approvals" },
        approval("Marketing", m.marketingApprover, m.marketingApprovedOn, "approval-marketing"),
        approval("Sales", m.salesApprover, m.salesApprovedOn, "approval-sales"),
      ),
    ),
  );
}

function ruleTable(doc: Document, id: string, title: string, rules: RuleRow[], fmt: Formatter): HTMLElement {
  const total = rules.filter((r) => r.points > 0).reduce((s, r) => s + r.points, 0);
  return h(
    doc,
    "section",
    { class: "panel rules", "aria-labelledby": id },
    h(doc, "h2", { id }, title, h(doc, "span", { class: "count muted" }, ` ${fmt.number(rules.length)} ${rules.length === 1 ? "rule" : "rules"}`)),
    rules.length
      ? h(
          doc,
          "table",
          { class: "rule-table" },
          h(
            doc,
            "thead",
            {},
            h(doc, "tr", {}, ...["Rule", "Watches", "When", "Kind", "Points", "Limit", "Points expire"].map((c) => h(doc, "th", { scope: "col" }, c))),
          ),
          h(
            doc,
            "tbody",
            {},
            ...rules.map((r) =>
              h(
                doc,
                "tr",
                { "data-rule": r.key },
                h(doc, "th", { scope: "row", class: "rule-name" }, r.name, r.key ? h(doc, "span", { class: "key" }, r.key) : null),
                h(doc, "td", {}, r.table),
                h(
                  doc,
                  "td",
                  { class: "conditions" },
                  ...r.conditions.map((c) =>
                    h(doc, "span", { class: c.lead ? "condition persona" : "condition", title: c.lead ? "Persona: the lead's own column when the activity is scored" : "" }, conditionText(c)),
                  ),
                ),
                h(doc, "td", {}, r.kindLabel),
                h(doc, "td", { class: r.points >= 0 ? "num up" : "num down" }, fmt.points(r.points)),
                h(doc, "td", {}, limitText(r, (x) => fmt.number(x))),
                h(doc, "td", {}, r.expiresAfterDays ? `after ${fmt.number(r.expiresAfterDays)} days` : "never"),
              ),
            ),
          ),
          h(
            doc,
            "tfoot",
            {},
            h(doc, "tr", {}, h(doc, "th", { scope: "row", colspan: 4 }, "Positive points available"), h(doc, "td", { class: "num" }, fmt.number(total)), h(doc, "td", { colspan: 2 })),
          ),
        )
      : h(doc, "p", { class: "muted" }, "No rules in this category."),
  );
}

export function renderRules(root: HTMLElement, rules: RuleRow[], fmt: Formatter): void {
  const doc = root.ownerDocument;
  const { fit, engagement } = rulesByCategory(rules);
  replaceChildren(
    root,
    ruleTable(doc, "fit-rules-heading", "Fit rules", fit, fmt),
    ruleTable(doc, "engagement-rules-heading", "Engagement rules", engagement, fmt),
  );
}

export interface WhatIf {
  leadName: string | null;
  leadId: string;
  thisModel: { label: string; explanation: Explanation };
  /** The lead under the active model, or why it could not be scored (no model is active yet). */
  activeModel: { label: string; explanation: Explanation } | { label: string; problem: string };
}

function scoreColumn(doc: Document, cls: string, heading: string, e: Explanation, fmt: Formatter): HTMLElement {
  const grade = e.grade ?? gradeOf(e.fit, e.engagement, e.gradeMatrix.fitBands, e.gradeMatrix.engagementBands);
  return h(
    doc,
    "div",
    { class: `whatif-col ${cls}`, "data-testid": `whatif-${cls}` },
    h(doc, "h3", {}, heading),
    h(doc, "p", { class: "big" }, h(doc, "span", { class: "whatif-score" }, fmt.number(e.score)), h(doc, "span", { class: "muted" }, " points")),
    h(
      doc,
      "dl",
      { class: "facts compact" },
      dlRow(doc, "Fit", fmt.number(e.fit)),
      dlRow(doc, "Engagement", fmt.number(e.engagement)),
      dlRow(doc, "Grade", grade),
      dlRow(doc, "Stage", stageLabel(e.stage)),
      dlRow(doc, "Sales-ready", e.salesReady ? `yes (threshold ${fmt.number(e.salesReadyThreshold)})` : `no (threshold ${fmt.number(e.salesReadyThreshold)})`),
    ),
  );
}

export function renderWhatIf(root: HTMLElement, w: WhatIf, fmt: Formatter): void {
  const doc = root.ownerDocument;
  const active = w.activeModel;
  const activeHeading = `Under the active model, ${active.label}`;
  const diff = "explanation" in active ? w.thisModel.explanation.score - active.explanation.score : null;
  replaceChildren(
    root,
    h(doc, "p", { class: "whatif-lead" }, "Lead ", h(doc, "strong", { class: "lead-name" }, w.leadName ?? w.leadId)),
    h(
      doc,
      "div",
      { class: "whatif-grid" },
      scoreColumn(doc, "this", `Under ${w.thisModel.label}`, w.thisModel.explanation, fmt),
      "explanation" in active
        ? scoreColumn(doc, "active", activeHeading, active.explanation, fmt)
        : h(doc, "div", { class: "whatif-col active", "data-testid": "whatif-active" }, h(doc, "h3", {}, activeHeading), h(doc, "p", { class: "muted" }, active.problem)),
    ),
    h(
      doc,
      "p",
      { class: "whatif-diff", "data-testid": "whatif-diff" },
      diff === null
        ? "No active model to compare with."
        : diff === 0
          ? "Both models give this lead the same score."
          : `This model scores the lead ${fmt.number(Math.abs(diff))} points ${diff > 0 ? "higher" : "lower"} than the active model.`,
    ),
  );
}
