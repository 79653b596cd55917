using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;

namespace LeadScoring.SolutionTool.Definition
{
    /// <summary>A component the solution needs but does not carry, and the managed solution that brings it.</summary>
    public sealed record RequiredComponent(int Type, string SchemaName, string DisplayName, string Solution);

    /// <summary>The solution's component that needs it: by schema name (tables) or by id (forms, views, charts, flows).</summary>
    public sealed record DependentComponent(int Type, string DisplayName, string? SchemaName = null, Guid? Id = null, string? ParentSchemaName = null);

    public sealed record MissingDependency(RequiredComponent Required, DependentComponent Dependent);

    /// <summary>
    /// Solution.xml's MissingDependencies: what an environment must have before the import, so that an
    /// import into plain Dataverse stops with the platform's missing-dependency message. The lead table
    /// and the marketing list come with Dynamics 365 Sales: Learn's solution pages for the Web API
    /// (dynamics-ce-odata-9) list lead in "Lead Management" (msdynce_LeadManagement) and lead and list in
    /// "Marketing Sales" (msdynce_MarketingSales).
    /// </summary>
    public static class Dependencies
    {
        public static RequiredComponent Lead { get; } = new(1, LeadColumns.Table, "Lead", "msdynce_LeadManagement");

        public static RequiredComponent MarketingList { get; } = new(1, "list", "Marketing List", "msdynce_MarketingSales");

        public static IReadOnlyList<MissingDependency> All(IEnumerable<CloudFlow> flows)
        {
            var onLead = new List<DependentComponent>();
            onLead.AddRange(Forms.All.Where(f => f.Table == LeadColumns.Table).Select(f => new DependentComponent(60, f.Name, Id: f.Id, ParentSchemaName: LeadColumns.Table)));
            onLead.AddRange(Views.All.Where(v => v.Table == LeadColumns.Table).Select(v => new DependentComponent(26, v.Name, Id: v.Id, ParentSchemaName: LeadColumns.Table)));
            onLead.AddRange(Reporting.Charts.Where(c => c.Table == LeadColumns.Table).Select(c => new DependentComponent(59, c.Name, Id: c.Id, ParentSchemaName: LeadColumns.Table)));

            // The re-engagement flows add leads to a marketing list (AddMemberList on list).
            var onList = flows.Where(f => f.UsesMarketingList).Select(f => new DependentComponent(29, f.Name, Id: f.Id));
            return onLead.Select(d => new MissingDependency(Lead, d)).Concat(onList.Select(d => new MissingDependency(MarketingList, d))).ToList();
        }
    }
}
