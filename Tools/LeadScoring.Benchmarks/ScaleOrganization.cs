using System;
using System.IO;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Benchmarks
{
    /// <summary>An emulated organization with the registrations of pac-config.json and an approved, active model (as the tests build it).</summary>
    internal sealed class ScaleOrganization
    {
        public ScaleOrganization(ScoringModel model, DateTime start)
        {
            Org.LoadPacConfig(PacConfigPath(), typeof(LeadScorer).Assembly);
            Org.DefineProductTables();
            Org.DefineAlternateKey(ScoreEventColumns.Table, ScoreEventColumns.AlternateKey, ScoreEventColumns.IdempotencyKey);
            Org.DefineAlternateKey(StageChangeColumns.Table, StageChangeColumns.AlternateKey, StageChangeColumns.IdempotencyKey);
            Org.Clock.Set(start);
            Admin = Org.AddUser("Avery Admin", SecurityRoles.Admin);
            var marketing = Org.AddUser("Morgan Marketing", SecurityRoles.MarketingApprover);
            var sales = Org.AddUser("Sam Sales", SecurityRoles.SalesApprover);
            SalesRep = Org.AddUser("Riley Rep");

            ModelId = ModelRows.Create(Org.ServiceAs(Admin), model);
            Approve(marketing, ScoringModelColumns.MarketingApproverId);
            Approve(sales, ScoringModelColumns.SalesApproverId);
            var activate = new Entity(ScoringModelColumns.Table, ModelId);
            activate[ScoringModelColumns.Status] = new OptionSetValue(ModelStatusValues.Active);
            Org.ServiceAs(Admin).Update(activate);
            Org.DrainAsyncQueue();
        }

        public EmulatedOrganization Org { get; } = new();

        public Guid Admin { get; }

        public Guid SalesRep { get; }

        public Guid ModelId { get; }

        private void Approve(Guid approver, string column)
        {
            var approval = new Entity(ScoringModelColumns.Table, ModelId);
            approval[column] = new EntityReference("systemuser", approver);
            Org.ServiceAs(approver).Update(approval);
        }

        /// <summary>pac-config.json at the repository root, found from the working directory or the program's folder.</summary>
        private static string PacConfigPath()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    var path = Path.Combine(dir.FullName, "pac-config.json");
                    if (File.Exists(path))
                    {
                        return path;
                    }
                }
            }

            throw new FileNotFoundException("pac-config.json not found above " + Directory.GetCurrentDirectory() + "; run from the repository.");
        }
    }
}
