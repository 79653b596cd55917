using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>
    /// Security roles (Roles/) and the field security profile (Customizations.xml). The configuration
    /// tables are organization-owned, so their privileges are None or Global. Score events and marketing
    /// interactions are user-owned and follow their lead's owner, so each role reads them at the depth at
    /// which it reads leads: Lead Scoring User at Local (business unit), for an org whose reps read the
    /// leads of their own business unit (Microsoft's published Salesperson role reads leads at Global:
    /// https://learn.microsoft.com/previous-versions/dynamicscrm-2015/developers-guide/gg334808(v=crm.7);
    /// docs/deploy.md says how to align the two); the admin and the integration at Global. The roles add to a base role (Basic User,
    /// Salesperson, Marketing Professional ...), which grants the app itself and the lead.
    /// Depths: https://learn.microsoft.com/power-apps/developer/data-platform/security-concepts
    /// </summary>
    public static class Security
    {
        private const string Global = "Global";

        private static IEnumerable<Privilege> Table(string entity, params string[] actions) =>
            actions.Select(action => new Privilege("prv" + action + entity, Global));

        private static IEnumerable<Privilege> AtDepth(string depth, string entity, params string[] actions) =>
            actions.Select(action => new Privilege("prv" + action + entity, depth));

        private static readonly string[] Full = { "Create", "Read", "Write", "Delete", "Append", "AppendTo" };

        public static Role Admin { get; } = new(SecurityRoles.Admin,
            "Edits scoring models, rules and conditions, runs recalculation and decay, and reads the score ledger. A model still needs both approvers before it can be activated.",
            Table(ScoringModelColumns.Table, Full)
                .Concat(Table(ScoringRuleColumns.Table, Full))
                .Concat(Table(ScoringConditionColumns.Table, Full))
                .Concat(Table(InteractionColumns.Table, Full))
                .Concat(Table(DecayRunColumns.Table, Full))
                // Write on the ledger is ls_ApplyScoreDecay's execute privilege and Create is
                // ls_AdjustLeadScore's (an adjustment is a score event made by hand), so only this role
                // adjusts scores; the append-only guard (ScoreEventGuardPlugin) still refuses any direct
                // create or change of a score event. Custom API execute privileges:
                // https://learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables
                .Concat(Table(ScoreEventColumns.Table, "Create", "Read", "Write", "AppendTo"))
                // The stage history is written by lead scoring only (as SYSTEM): people read it.
                .Concat(Table(StageChangeColumns.Table, "Read"))
                // Recalculate and adjust are bound to the lead and need write on it.
                .Concat(Table("Lead", "Read", "Write", "Append", "AppendTo"))
                .ToList());

        public static Role MarketingApprover { get; } = new(SecurityRoles.MarketingApprover,
            "Reviews scoring models and approves them for marketing (sets the model's marketing approver to themself).",
            Approver());

        public static Role SalesApprover { get; } = new(SecurityRoles.SalesApprover,
            "Reviews scoring models and approves them for sales (sets the model's sales approver to themself).",
            Approver());

        /// <summary>
        /// Not one of the three roles the product checks by name: it lets everyone who works with leads
        /// (sales reps, marketers) read the scoring configuration and the score events the lead form shows.
        /// </summary>
        public static Role User { get; } = new("Lead Scoring User",
            "Reads scoring models, rules, score events, stage changes and interactions: give it to everyone who sees the Lead score section of the lead form.",
            Table(ScoringModelColumns.Table, "Read", "AppendTo")
                .Concat(Table(ScoringRuleColumns.Table, "Read"))
                .Concat(Table(ScoringConditionColumns.Table, "Read"))
                // Local, as the sales rep's base role reads leads: a rep sees the score history, the stage
                // history and the interactions of the leads of their business unit, not those of other units.
                .Concat(AtDepth("Local", ScoreEventColumns.Table, "Read"))
                .Concat(AtDepth("Local", StageChangeColumns.Table, "Read"))
                .Concat(AtDepth("Local", InteractionColumns.Table, "Read"))
                .Concat(Table(DecayRunColumns.Table, "Read"))
                .ToList());

        /// <summary>
        /// For the application user of a webhook, a webinar platform or the interactions import: create on
        /// ls_interaction is ls_RecordInteraction's execute privilege; creating a lead is for
        /// ls_UnmatchedInteractions = CreateLead.
        /// </summary>
        public static Role Integration { get; } = new("Lead Scoring Integration",
            "Records marketing interactions through ls_RecordInteraction (webhooks, flows, the interactions import) and, when set to, creates a lead for an address no open lead has.",
            // Assign: an interaction is created owned by its lead's owner (as the caller), and attached later.
            Table(InteractionColumns.Table, "Create", "Read", "Write", "Append", "Assign")
                .Concat(Table("Lead", "Create", "Read", "AppendTo"))
                .ToList());

        public static IReadOnlyList<Role> Roles { get; } = new[] { Admin, MarketingApprover, SalesApprover, User, Integration };

        private static List<Privilege> Approver() =>
            Table(ScoringModelColumns.Table, "Read", "Write", "Append")
                .Concat(Table(ScoringRuleColumns.Table, "Read"))
                .Concat(Table(ScoringConditionColumns.Table, "Read"))
                .Concat(Table("User", "Read", "AppendTo"))
                .ToList();

        /// <summary>
        /// Everyone in this profile reads the secured score columns and nobody writes them: only lead
        /// scoring (its plug-ins run as SYSTEM) changes a score. Sales reps and marketers go in it (as
        /// users or through a team); without it they see the columns empty. System administrators see and
        /// write secured columns regardless. The lifecycle stage and the hand-back reason stay unsecured:
        /// sales sets the stage (Sales Accepted, Disqualified, Recycled) and writes the reason when handing back.
        /// </summary>
        public static FieldSecurityProfile ScoreReaders { get; } = new("Lead Scoring - score readers",
            "Read, but not write, the lead scoring columns of leads (score, fit, engagement, grade, dates, counts).",
            Tables.Lead.Columns.Where(c => c.Secured)
                .Select(c => new FieldPermission(Tables.Lead.Name, c.Name, CanRead: true, CanCreate: false, CanUpdate: false))
                .ToList());
    }
}
