using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Engine;
using LeadScoring.Workbench.Simulation;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Workbench.Emulation
{
    /// <summary>
    /// An emulated organization set up the way a customer's org runs the product: the steps and
    /// Custom APIs registered exactly as pac-config.json says, the ledger's alternate key, the
    /// security roles and field security profile the solution ships (Solution/Roles, Customizations.xml)
    /// enforced on every call, the people who use it (an admin, a marketing and a sales approver, a
    /// sales rep) and a model written into the configuration tables, approved by both approvers and
    /// activated. The workbench and the tests set up every org through this one class.
    /// </summary>
    internal class ScoringOrganization
    {
        /// <summary>Where the clock starts unless the caller says otherwise.</summary>
        public static readonly DateTime Start = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

        /// <summary>The field security profile of the solution that reads the score columns.</summary>
        public const string ScoreReadersProfile = "Lead Scoring - score readers";

        /// <summary>The product's roles add to a base role a sales rep already holds; this stands for it.</summary>
        public const string SalespersonRole = "Salesperson";

        /// <summary>The solution's role for everyone who sees the score section of the lead form.</summary>
        public const string UserRole = "Lead Scoring User";

        /// <summary>The solution's role for the application user of webhooks, flows and the interactions import.</summary>
        public const string IntegrationRole = "Lead Scoring Integration";

        private const string PacConfigResource = "LeadScoring.Workbench.pac-config.json";

        // The privileges of Microsoft's Salesperson role this product relies on (leads and activities
        // the rep owns or works on, reading users): https://learn.microsoft.com/power-platform/admin/security-roles-privileges
        private static readonly string[] SalespersonPrivileges =
        {
            "prvCreateLead", "prvReadLead", "prvWriteLead", "prvDeleteLead", "prvAppendLead", "prvAppendToLead",
            "prvCreateActivity", "prvReadActivity", "prvWriteActivity", "prvAppendActivity", "prvAppendToActivity",
            "prvCreateAccount", "prvReadAccount", "prvWriteAccount", "prvAppendAccount", "prvAppendToAccount",
            "prvCreateContact", "prvReadContact", "prvWriteContact", "prvAppendContact", "prvAppendToContact",
            "prvReadUser",
        };

        /// <param name="customColumns">Columns this org has beyond the product's catalogue (new_noshow on appointment, a leads table's own columns), defined before the model is written.</param>
        public ScoringOrganization(ScoringModel? model, DateTime? start = null, IEnumerable<(string Table, TableColumn Column)>? customColumns = null)
        {
            Org.LoadPacConfigJson(PacConfigJson(), typeof(LeadScorer).Assembly);
            Org.DefineProductTables();
            foreach (var (table, column) in customColumns ?? [])
            {
                Org.DefineColumn(table, column);
            }

            Org.DefineAlternateKey(ScoreEventColumns.Table, ScoreEventColumns.AlternateKey, ScoreEventColumns.IdempotencyKey);
            Org.DefineAlternateKey(StageChangeColumns.Table, StageChangeColumns.AlternateKey, StageChangeColumns.IdempotencyKey);
            Org.DefineAlternateKey(InteractionColumns.Table, InteractionColumns.AlternateKey, InteractionColumns.Source, InteractionColumns.ExternalId);
            foreach (var name in Assembly.GetExecutingAssembly().GetManifestResourceNames().Where(n => n.StartsWith("LeadScoring.Workbench.Relationships.", StringComparison.Ordinal)))
            {
                Org.LoadRelationshipsXml(Resource(name)); // cascades as the solution declares them
            }

            Org.Clock.Set(start ?? Start);
            LoadSecurity(Org);
            Admin = Org.AddUser("Avery Admin", SecurityRoles.Admin);
            MarketingApprover = Org.AddUser("Morgan Marketing", SecurityRoles.MarketingApprover, UserRole);
            SalesApprover = Org.AddUser("Sam Sales", SecurityRoles.SalesApprover, UserRole);
            SalesRep = Org.AddUser("Riley Rep", SalespersonRole, UserRole);
            Integration = Org.AddUser("Webhook Integration", IntegrationRole);
            foreach (var reader in new[] { Admin, MarketingApprover, SalesApprover, SalesRep })
            {
                Org.AddToFieldSecurityProfile(reader, ScoreReadersProfile);
            }
            if (model != null)
            {
                ModelId = CreateAndActivate(model);
            }
        }

        public EmulatedOrganization Org { get; } = new();

        public Guid Admin { get; }

        public Guid MarketingApprover { get; }

        public Guid SalesApprover { get; }

        public Guid SalesRep { get; }

        /// <summary>The application user webhooks, the Customer Insights - Journeys flows and the interactions import call ls_RecordInteraction as.</summary>
        public Guid Integration { get; }

        /// <summary>The model activated last.</summary>
        public Guid ModelId { get; private set; }

        /// <summary>The product's registrations (pac-config.json), embedded in the workbench so a fresh clone and an installed tool find them alike.</summary>
        public static string PacConfigJson() => Resource(PacConfigResource);

        private static string Resource(string name)
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                ?? throw new InvalidOperationException("The workbench was built without its embedded " + name + ".");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        /// <summary>Defines the solution's roles and field security profile and the Salesperson base role, and turns the checks on.</summary>
        public static void LoadSecurity(EmulatedOrganization org)
        {
            var assembly = Assembly.GetExecutingAssembly();
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("LeadScoring.Workbench.Roles.", StringComparison.Ordinal)))
            {
                org.LoadRoleXml(Resource(name));
            }

            org.LoadFieldSecurityProfilesXml(Resource("LeadScoring.Workbench.Customizations.xml"));
            org.DefineRole(SalespersonRole, SalespersonPrivileges.Select(p => new KeyValuePair<string, PrivilegeDepth>(p, PrivilegeDepth.Local)));
            org.EnforceSecurity = true;
        }

        public IOrganizationService As(Guid user) => Org.ServiceAs(user);

        public Guid CreateDraft(ScoringModel model) => ModelRows.Create(As(Admin), model);

        public void Approve(Guid modelId, Guid approver, string column)
        {
            var approval = new Entity(ScoringModelColumns.Table, modelId);
            approval[column] = new EntityReference("systemuser", approver);
            As(approver).Update(approval);
        }

        public void SetStatus(Guid modelId, int status, Guid? user = null)
        {
            var update = new Entity(ScoringModelColumns.Table, modelId);
            update[ScoringModelColumns.Status] = new OptionSetValue(status);
            As(user ?? Admin).Update(update);
            Org.DrainAsyncQueue();
        }

        /// <summary>Writes the model as a Draft, has both approvers sign it off and activates it, as people do in the model-driven app.</summary>
        public Guid CreateAndActivate(ScoringModel model)
        {
            var id = CreateDraft(model);
            Approve(id, MarketingApprover, ScoringModelColumns.MarketingApproverId);
            Approve(id, SalesApprover, ScoringModelColumns.SalesApproverId);
            SetStatus(id, ModelStatusValues.Active);
            ModelId = id;
            return id;
        }

        /// <summary>
        /// Creates a row and runs the asynchronous steps it queued: leads and activities as the sales rep,
        /// marketing interactions as the admin (the product's roles let only Lead Scoring Admins write them).
        /// </summary>
        public Guid Create(string table, params (string Column, object? Value)[] columns) => Create(new Entity(table), columns);

        public Guid Create(Entity row, params (string Column, object? Value)[] columns)
        {
            foreach (var (column, value) in columns)
            {
                row[column] = value;
            }

            var id = As(Writer(row.LogicalName)).Create(row);
            Org.DrainAsyncQueue();
            return id;
        }

        /// <summary>Who writes rows of the table in these stories: marketing interactions come from the admin's integration, the rest from the sales rep.</summary>
        public Guid Writer(string table) => table == InteractionColumns.Table ? Admin : SalesRep;

        /// <summary>Updates a row as the sales rep and runs the asynchronous steps it queued.</summary>
        public void Update(string table, Guid id, params (string Column, object? Value)[] columns)
        {
            var row = new Entity(table, id);
            foreach (var (column, value) in columns)
            {
                row[column] = value;
            }

            As(SalesRep).Update(row);
            Org.DrainAsyncQueue();
        }

        /// <summary>Calls a Custom API (bound to the lead when one is given) and runs what it queued.</summary>
        public OrganizationResponse Call(string api, Guid? lead, Guid? user = null, params (string Name, object? Value)[] parameters)
        {
            var request = new OrganizationRequest(api);
            if (lead.HasValue)
            {
                request[CustomApi.Target] = new EntityReference(LeadColumns.Table, lead.Value);
            }

            foreach (var (name, value) in parameters)
            {
                request[name] = value;
            }

            var response = As(user ?? SalesRep).Execute(request);
            Org.DrainAsyncQueue();
            return response;
        }

        /// <summary>Sets an environment variable's value for this org, as an admin does in the solution (a definition and its value row).</summary>
        public void SetEnvironmentVariable(string schemaName, string value)
        {
            var definition = StableIds.For(EnvironmentVariables.DefinitionTable, schemaName);
            if (Org.GetRow(EnvironmentVariables.DefinitionTable, definition) == null)
            {
                Org.Seed(new Entity(EnvironmentVariables.DefinitionTable, definition) { [EnvironmentVariables.SchemaName] = schemaName });
            }

            var row = new Entity(EnvironmentVariables.ValueTable, StableIds.For(EnvironmentVariables.ValueTable, schemaName));
            row[EnvironmentVariables.DefinitionId] = new EntityReference(EnvironmentVariables.DefinitionTable, definition);
            row[EnvironmentVariables.Value] = value;
            if (Org.GetRow(EnvironmentVariables.ValueTable, row.Id) == null)
            {
                Org.Seed(row);
            }
            else
            {
                Org.Service.Update(row);
            }
        }

        public Entity Lead(Guid id) => Org.GetRow(LeadColumns.Table, id) ?? throw new InvalidOperationException("no lead " + id);

        public void Advance(double days) => Org.Clock.Advance(TimeSpan.FromDays(days));
    }
}
