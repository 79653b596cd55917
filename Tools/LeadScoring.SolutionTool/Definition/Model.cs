using System;
using System.Collections.Generic;

namespace LeadScoring.SolutionTool.Definition
{
    // The shapes the solution definition is written in. Each maps onto one kind of component file
    // of the unpacked solution (see SolutionGenerator); nothing here knows about XML.

    /// <summary>A column type, named as Dataverse's maker portal names it; Xml is the Entity.xml &lt;Type&gt;.</summary>
    public enum ColumnKind
    {
        PrimaryKey,
        Text,
        Memo,
        WholeNumber,
        DateTime,
        Choice,
        Lookup,
        TwoOptions,
        // System columns of a new table (written so the Entity.xml looks like an export).
        Owner,
        State,
        Status,
        BigInt,
    }

    public sealed record Column(string Name, string Label, ColumnKind Kind)
    {
        public string Description { get; init; } = "";
        public string RequiredLevel { get; init; } = "none";
        /// <summary>Text and Memo: the maximum number of characters.</summary>
        public int MaxLength { get; init; }
        /// <summary>Text: text, url or email.</summary>
        public string Format { get; init; } = "text";
        public int MinValue { get; init; } = int.MinValue;
        public int MaxValue { get; init; } = int.MaxValue;
        /// <summary>Choice: the global choice (OptionSets/&lt;name&gt;.xml) the column uses.</summary>
        public string? Choice { get; init; }
        /// <summary>Lookup: the referenced table and the relationship that carries the lookup.</summary>
        public string? Target { get; init; }
        public string? Relationship { get; init; }
        /// <summary>Lookup: what deleting the referenced row does (Cascade, RemoveLink, Restrict, NoCascade).</summary>
        public string CascadeDelete { get; init; } = "RemoveLink";
        /// <summary>Lookup: what assigning, sharing, unsharing or reparenting the referenced row does to the referencing rows (Cascade, Active, UserOwned, NoCascade).</summary>
        public string CascadeOwnership { get; init; } = "NoCascade";
        /// <summary>Column security: only a field security profile grants access (sysadmins excepted).</summary>
        public bool Secured { get; init; }
        /// <summary>A column the platform adds to every table (created by, modified on, ...).</summary>
        public bool IsSystem { get; init; }
        public bool ValidForCreate { get; init; } = true;
        public bool ValidForUpdate { get; init; } = true;
    }

    public sealed record AlternateKey(string Name, string Label, IReadOnlyList<string> Columns);

    public sealed record Table(string Name, string Label, string PluralLabel)
    {
        /// <summary>The entity's schema name, which is also its folder under Entities/ (Lead for lead).</summary>
        public string SchemaName { get; init; } = "";
        public string Description { get; init; } = "";
        /// <summary>False for a standard table (lead) that the solution only adds columns to.</summary>
        public bool IsNew { get; init; } = true;
        /// <summary>User- or team-owned (ownerid, owningbusinessunit ...) rather than organization-owned.</summary>
        public bool UserOwned { get; init; }
        public string PrimaryNameColumn { get; init; } = "";
        public IReadOnlyList<Column> Columns { get; init; } = Array.Empty<Column>();
        public IReadOnlyList<AlternateKey> Keys { get; init; } = Array.Empty<AlternateKey>();
        public string PrimaryKey => Name + "id";
    }

    public sealed record ChoiceOption(int Value, string Label);

    public sealed record Choice(string Name, string Label, string Description, IReadOnlyList<ChoiceOption> Options);

    // Forms: tabs of sections of cells; ids come from StableId by form and element name.

    public abstract record Cell(string Name, string Label);

    public sealed record FieldCell(string Column, string Label, bool ReadOnly = false) : Cell(Column, Label);

    public sealed record SubgridCell(string Name, string Label, string TargetTable, string Relationship, Guid ViewId, int Rows = 8) : Cell(Name, Label);

    /// <summary>A web-resource control; its control id is WebResource_&lt;Name&gt;, as the form designer names it.</summary>
    public sealed record WebResourceCell(string Name, string Label, string WebResource, int Rows, bool PassParameters) : Cell(Name, Label);

    public sealed record Section(string Name, string Label, IReadOnlyList<Cell> Cells, int Columns = 1, bool ShowLabel = true);

    public sealed record Tab(string Name, string Label, IReadOnlyList<Section> Sections);

    public sealed record FormHandler(string Event, string Library, string Function);

    public sealed record Form(string Table, string Key, string Name, string Description, IReadOnlyList<Tab> Tabs)
    {
        public Guid Id => StableId.For("form", Table + "/" + Key);
        public IReadOnlyList<string> Libraries { get; init; } = Array.Empty<string>();
        public IReadOnlyList<FormHandler> Handlers { get; init; } = Array.Empty<FormHandler>();
    }

    // Views (saved queries).

    public sealed record Condition(string Column, string Operator, string? Value = null);

    public sealed record LinkFilter(string Table, string From, string To, string Alias, IReadOnlyList<Condition> Conditions);

    /// <summary>querytype: 0 public view, 1 advanced find, 2 associated, 4 quick find, 64 lookup.</summary>
    public sealed record View(string Table, string Key, string Name, string Description, int QueryType, IReadOnlyList<string> Columns)
    {
        public Guid Id => StableId.For("view", Table + "/" + Key);
        public bool IsDefault { get; init; }
        public string? OrderBy { get; init; }
        public bool Descending { get; init; }
        public IReadOnlyList<Condition> Conditions { get; init; } = Array.Empty<Condition>();
        public LinkFilter? Link { get; init; }
        /// <summary>Quick find: the columns searched with "like {0}".</summary>
        public IReadOnlyList<string> FindColumns { get; init; } = Array.Empty<string>();
    }

    // Security.

    /// <summary>Depth: Basic (user), Local (business unit), Deep (parent: child business units), Global (organization).</summary>
    public sealed record Privilege(string Name, string Depth);

    public sealed record Role(string Name, string Description, IReadOnlyList<Privilege> Privileges)
    {
        public Guid Id => StableId.For("role", Name);
    }

    public sealed record FieldPermission(string Table, string Column, bool CanRead, bool CanCreate, bool CanUpdate);

    public sealed record FieldSecurityProfile(string Name, string Description, IReadOnlyList<FieldPermission> Permissions)
    {
        public Guid Id => StableId.For("fieldsecurityprofile", Name);
    }

    // The model-driven app.

    public abstract record SubArea(string Id, string Title);

    public sealed record TableSubArea(string Id, string Title, string Table) : SubArea(Id, Title);

    public sealed record WebResourceSubArea(string Id, string Title, string WebResource) : SubArea(Id, Title);

    public sealed record DashboardSubArea(string Id, string Title, Guid Dashboard) : SubArea(Id, Title);

    public sealed record SiteMapGroup(string Id, string Title, IReadOnlyList<SubArea> SubAreas);

    public sealed record AppModule(string UniqueName, string Name, string Description, IReadOnlyList<SiteMapGroup> Groups, IReadOnlyList<string> Roles)
    {
        public Guid Id => StableId.For("appmodule", UniqueName);
    }

    public sealed record WebResource(string Name, string DisplayName, int Type)
    {
        public Guid Id => StableId.For("webresource", Name);
    }

    /// <summary>The classic ribbon additions of a table (RibbonDiff.xml), written as they are.</summary>
    public sealed record RibbonDiff(string Table, string Xml);
}
