using System.Collections.Generic;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>The admins' model-driven app (AppModules/, AppModuleSiteMaps/).</summary>
    public static class App
    {
        public static AppModule Admin { get; } = new("ls_LeadScoringAdmin", "Lead Scoring Admin",
            "Scoring models, rules and conditions, their approval, the scoring matrix, and the score ledger.",
            new[]
            {
                new SiteMapGroup("ls_scoring", "Scoring", new SubArea[]
                {
                    new DashboardSubArea("ls_health", "Lead scoring health", Reporting.Health.Id),
                    new TableSubArea("ls_models", "Scoring models", ScoringModelColumns.Table),
                    new TableSubArea("ls_rules", "Scoring rules", ScoringRuleColumns.Table),
                    new TableSubArea("ls_conditions", "Scoring conditions", ScoringConditionColumns.Table),
                    new WebResourceSubArea("ls_matrix", "Scoring matrix", Forms.ScoringMatrix),
                }),
                new SiteMapGroup("ls_ledger", "Leads and ledger", new SubArea[]
                {
                    new TableSubArea("ls_leads", "Leads", LeadColumns.Table),
                    new TableSubArea("ls_scoreevents", "Score events", ScoreEventColumns.Table),
                    new TableSubArea("ls_stagechanges", "Stage changes", StageChangeColumns.Table),
                    new TableSubArea("ls_interactions", "Marketing interactions", InteractionColumns.Table),
                    new TableSubArea("ls_decayruns", "Decay runs", DecayRunColumns.Table),
                }),
            },
            new[] { SecurityRoles.Admin, SecurityRoles.MarketingApprover, SecurityRoles.SalesApprover });
    }
}
