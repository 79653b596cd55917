using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using LeadScoring.Dataverse;
using LeadScoring.SolutionTool;
using LeadScoring.SolutionTool.Definition;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// The components issue 6 asks for are in Solution/ and hold together: forms, views, web resources,
/// roles, field security, the app, the manifest's root components; all XML is well-formed; no built
/// file is committed; ids are unique.
/// </summary>
public class ComponentTests
{
    private static readonly SolutionSource Source = SolutionSource.Committed;

    [Fact]
    public void Every_xml_file_is_well_formed_and_no_built_file_is_committed()
    {
        var files = Directory.EnumerateFiles(Source.Folder, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (string file in files.Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".xaml", StringComparison.Ordinal)))
        {
            var exception = Record.Exception(() => XDocument.Load(file));
            Assert.True(exception == null, $"{file}: {exception?.Message}");
        }

        foreach (string file in files.Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var exception = Record.Exception(() => System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).Dispose());
            Assert.True(exception == null, $"{file}: {exception?.Message}");
        }

        // Sources only: XML, the flows' definitions (.json) and the classic workflow (.xaml); no dll, js, html, css.
        var others = files.Where(f => Path.GetExtension(f) is not (".xml" or ".json" or ".xaml") && Path.GetFileName(f) != "README.md").ToList();
        Assert.Empty(others);
    }

    [Fact]
    public void Component_ids_are_unique()
    {
        var ids = new List<string>();
        ids.AddRange(Source.Forms.Select(f => f.Form.Element("formid")!.Value));
        ids.AddRange(Source.Views.Select(v => v.View.Element("savedqueryid")!.Value));
        ids.AddRange(Source.Roles.Select(r => r.Attribute("id")!.Value));
        ids.AddRange(Source.Steps.Select(s => s.Attribute("SdkMessageProcessingStepId")!.Value));
        ids.AddRange(Source.Steps.SelectMany(s => s.Descendants("SdkMessageProcessingStepImageId")).Select(i => i.Value));
        ids.AddRange(Source.WebResources.Select(w => w.Element("WebResourceId")!.Value));
        ids.AddRange(Source.PluginAssemblies.SelectMany(a => a.Descendants("PluginType")).Select(t => "{" + t.Attribute("PluginTypeId")!.Value + "}"));
        ids.AddRange(Source.Customizations.Descendants("FieldSecurityProfile").Select(p => p.Attribute("fieldsecurityprofileid")!.Value));
        ids.AddRange(Source.Forms.SelectMany(f => f.Form.Descendants().Where(e => e.Name.LocalName is "tab" or "section" or "cell")).Select(e => e.Attribute("id")!.Value));
        ids.AddRange(Source.Tables.Values.SelectMany(t => t.Charts).Select(c => c.Element("savedqueryvisualizationid")!.Value));
        ids.AddRange(Source.Files("Dashboards", "*.xml").Select(f => XDocument.Load(f).Root!.Element("FormId")!.Value));
        ids.AddRange(Source.Files("Workflows", "*.data.xml").Select(f => XDocument.Load(f).Root!.Attribute("WorkflowId")!.Value));
        var duplicates = ids.GroupBy(i => i.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.All(ids, id => Assert.True(Guid.TryParse(id.Trim('{', '}'), out _), id));
    }

    [Fact]
    public void The_manifest_lists_every_root_component_and_only_those()
    {
        var roots = Source.RootComponents.Select(r => r.Attribute("type")!.Value + ":" + (r.Attribute("schemaName")?.Value ?? r.Attribute("id")!.Value).ToLowerInvariant()).ToHashSet();
        var expected = new List<string>();
        expected.AddRange(Source.Tables.Keys.Select(t => "1:" + t));
        expected.AddRange(Source.OptionSets.Keys.Select(o => "9:" + o));
        expected.AddRange(Source.Roles.Select(r => "20:" + r.Attribute("id")!.Value));
        expected.AddRange(Source.Tables.Values.Where(t => !t.IsNew).SelectMany(t => t.Views).Select(v => "26:" + v.Element("savedqueryid")!.Value));
        expected.AddRange(Source.Tables.Values.Where(t => !t.IsNew).SelectMany(t => t.Forms).Select(f => "60:" + f.Element("formid")!.Value));
        expected.AddRange(Source.Files("Dashboards", "*.xml").Select(f => "60:" + XDocument.Load(f).Root!.Element("FormId")!.Value));
        expected.AddRange(Source.Tables.Values.Where(t => !t.IsNew).SelectMany(t => t.Charts).Select(c => "59:" + c.Element("savedqueryvisualizationid")!.Value));
        expected.AddRange(Source.Files("Workflows", "*.data.xml").Select(f => "29:" + XDocument.Load(f).Root!.Attribute("WorkflowId")!.Value));
        // Connection references and environment variable definitions are no root components: real exports
        // carry them in customizations.xml and environmentvariabledefinitions/ only.
        expected.AddRange(Source.WebResources.Select(w => "61:" + w.Element("Name")!.Value));
        expected.AddRange(Source.SiteMaps.Select(s => "62:" + s.Element("SiteMapUniqueName")!.Value));
        expected.AddRange(Source.Customizations.Descendants("FieldSecurityProfile").Select(p => "70:" + p.Attribute("fieldsecurityprofileid")!.Value));
        expected.AddRange(Source.AppModules.Select(a => "80:" + a.Element("UniqueName")!.Value));
        expected.AddRange(Source.PluginAssemblies.Select(a => "91:" + a.Attribute("FullName")!.Value));
        expected.AddRange(Source.Steps.Select(s => "92:" + s.Attribute("SdkMessageProcessingStepId")!.Value));
        Assert.Equal(expected.Select(e => e.ToLowerInvariant()).OrderBy(e => e, StringComparer.Ordinal), roots.OrderBy(e => e, StringComparer.Ordinal));
        Assert.Equal("2", Source.RootComponents.Single(r => r.Attribute("schemaName")?.Value == "lead").Attribute("behavior")!.Value);
        var assembly = Source.RootComponents.Single(r => r.Attribute("type")!.Value == "91");
        Assert.Equal("{" + Source.PluginAssemblies.Single().Attribute("PluginAssemblyId")!.Value + "}", assembly.Attribute("id")!.Value);
    }

    [Fact]
    public void Main_forms_of_model_and_rule_show_their_rules_conditions_and_approvals()
    {
        var model = Source.Tables[ScoringModelColumns.Table].Forms.Single();
        Assert.Equal("Scoring model", SolutionSource.FormName(model));
        Assert.Contains(Subgrids(model), g => g.Target == ScoringRuleColumns.Table);
        var fields = Fields(model);
        Assert.Contains(ScoringModelColumns.MarketingApproverId, fields);
        Assert.Contains(ScoringModelColumns.SalesApproverId, fields);
        Assert.Contains(ScoringModelColumns.SalesReadyThreshold, fields);

        var rule = Source.Tables[ScoringRuleColumns.Table].Forms.Single();
        Assert.Contains(Subgrids(rule), g => g.Target == ScoringConditionColumns.Table);
        Assert.Contains(ScoringRuleColumns.Points, Fields(rule));
    }

    [Fact]
    public void The_lead_form_has_the_lead_score_section_with_the_score_card_and_the_score_events()
    {
        var form = Source.Tables[LeadColumns.Table].Forms.Single();
        var section = form.Descendants("section").Single(s => s.Element("labels")!.Element("label")!.Attribute("description")!.Value == "Lead score");
        var fields = section.Descendants("control").Select(c => c.Attribute("datafieldname")?.Value).OfType<string>().ToList();
        Assert.Equal(new[] { LeadColumns.Score, LeadColumns.FitScore, LeadColumns.EngagementScore, LeadColumns.Grade, LeadColumns.LifecycleStage }, fields);
        var card = section.Descendants("control").Single(c => c.Attribute("id")!.Value == "WebResource_ls_scorecard");
        Assert.Equal("ls_/html/scorecard.html", card.Element("parameters")!.Element("Url")!.Value);
        Assert.Equal("true", card.Element("parameters")!.Element("PassParameters")!.Value);
        Assert.Contains(Subgrids(form), g => g.Target == ScoreEventColumns.Table && g.View == SolutionTool.Definition.Views.ScoreEventsOfLead.Id);

        var library = form.Descendants("Library").Single();
        Assert.Equal("ls_/scripts/leadform.js", library.Attribute("name")!.Value);
        var handler = form.Descendants("event").Single(e => e.Attribute("name")!.Value == "onload").Descendants("Handler").Single();
        Assert.Equal("LeadScoring.LeadForm.onLoad", handler.Attribute("functionName")!.Value);
        Assert.Equal("true", handler.Attribute("passExecutionContext")!.Value);

        var ribbon = XDocument.Load(Source.Path("Entities", "Lead", "RibbonDiff.xml")).Root!;
        Assert.Contains(ribbon.Descendants("JavaScriptFunction"), f => f.Attribute("FunctionName")!.Value == "LeadScoring.LeadForm.handBack");
        Assert.Contains(ribbon.Descendants("CustomRule"), f => f.Attribute("FunctionName")!.Value == "LeadScoring.LeadForm.canHandBack");
        Assert.All(ribbon.Descendants().Select(e => e.Attribute("Library")?.Value).OfType<string>(), l => Assert.Equal("$webresource:ls_/scripts/leadform.js", l));
    }

    [Fact]
    public void Subgrids_and_web_resource_controls_point_at_existing_relationships_views_and_web_resources()
    {
        var views = Source.Views.ToDictionary(v => Guid.Parse(v.View.Element("savedqueryid")!.Value), v => v.Table);
        var relationships = Source.Relationships.ToDictionary(r => r.Attribute("Name")!.Value);
        var webResources = Source.WebResources.ToDictionary(w => w.Element("Name")!.Value, w => w.Element("WebResourceId")!.Value);
        foreach (var (table, form) in Source.Forms)
        {
            foreach (var grid in Subgrids(form))
            {
                Assert.Equal(grid.Target, views[grid.View]);
                var relationship = relationships[grid.Relationship];
                Assert.Equal(grid.Target, relationship.Element("ReferencingEntityName")!.Value.ToLowerInvariant());
                Assert.Equal(table, relationship.Element("ReferencedEntityName")!.Value.ToLowerInvariant());
            }

            foreach (var control in form.Descendants("control").Where(c => c.Attribute("classid")!.Value == Controls.WebResource))
            {
                string url = control.Element("parameters")!.Element("Url")!.Value;
                Assert.True(webResources.ContainsKey(url), url);
                Assert.Equal(webResources[url], control.Element("parameters")!.Element("WebResourceId")!.Value);
            }

            var libraries = form.Descendants("Library").Select(l => l.Attribute("name")!.Value).ToList();
            Assert.All(libraries, l => Assert.Contains(l, webResources.Keys));
            Assert.All(form.Descendants("Handler"), h => Assert.Contains(h.Attribute("libraryName")!.Value, libraries));
        }
    }

    [Theory]
    [InlineData("lead", "Sales-ready leads")]
    [InlineData("lead", "Recycled leads")]
    [InlineData("ls_scoreevent", "Score events of a lead")]
    [InlineData("ls_scoringrule", "Active model's rules")]
    public void The_product_views_exist(string table, string name)
    {
        var view = Source.Tables[table].Views.SingleOrDefault(v => SolutionSource.ViewName(v) == name);
        Assert.NotNull(view);
        Assert.Equal("0", view!.Element("querytype")!.Value);
    }

    [Fact]
    public void The_stage_views_filter_on_their_stage_and_the_active_rules_view_on_the_active_model()
    {
        string Filter(string table, string name) => string.Join(";", Source.Tables[table].Views.Single(v => SolutionSource.ViewName(v) == name)
            .Descendants("condition").Select(c => c.Attribute("attribute")!.Value + "=" + c.Attribute("value")?.Value));
        Assert.Contains($"{LeadColumns.LifecycleStage}={LifecycleStageValues.MarketingQualified}", Filter("lead", "Sales-ready leads"));
        Assert.Contains($"{LeadColumns.LifecycleStage}={LifecycleStageValues.Recycled}", Filter("lead", "Recycled leads"));
        Assert.Contains($"{ScoringModelColumns.Status}={ModelStatusValues.Active}", Filter("ls_scoringrule", "Active model's rules"));
    }

    [Fact]
    public void Every_new_table_has_its_system_views()
    {
        foreach (var table in Source.Tables.Values.Where(t => t.IsNew))
        {
            var types = table.Views.Where(v => v.Element("isdefault")!.Value == "1").Select(v => v.Element("querytype")!.Value).OrderBy(t => t, StringComparer.Ordinal);
            Assert.Equal(new[] { "0", "1", "2", "4", "64" }, types);
        }
    }

    [Fact]
    public void The_three_roles_exist_with_the_privileges_their_work_needs()
    {
        var roles = Source.Roles.ToDictionary(r => r.Attribute("name")!.Value, r => r.Descendants("RolePrivilege").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("level")!.Value));
        Assert.Contains(SecurityRoles.Admin, roles.Keys);
        Assert.Contains(SecurityRoles.MarketingApprover, roles.Keys);
        Assert.Contains(SecurityRoles.SalesApprover, roles.Keys);

        foreach (string table in new[] { ScoringModelColumns.Table, ScoringRuleColumns.Table, ScoringConditionColumns.Table })
        {
            foreach (string action in new[] { "Create", "Read", "Write", "Delete" })
            {
                Assert.Equal("Global", roles[SecurityRoles.Admin]["prv" + action + table]);
            }
        }

        foreach (string approver in new[] { SecurityRoles.MarketingApprover, SecurityRoles.SalesApprover })
        {
            Assert.Equal("Global", roles[approver]["prvWrite" + ScoringModelColumns.Table]);
            Assert.False(roles[approver].ContainsKey("prvWrite" + ScoringRuleColumns.Table), "approvers approve; they do not edit rules");
            Assert.False(roles[approver].ContainsKey("prvDelete" + ScoringModelColumns.Table));
        }

        // Nobody is granted create or delete on the ledger: only lead scoring (as SYSTEM) writes it.
        // Create on the ledger is only ls_AdjustLeadScore's execute privilege, held by the admin; the guard step refuses direct creates.
        Assert.All(roles.Where(r => r.Key != SecurityRoles.Admin).Select(r => r.Value), r => Assert.False(r.ContainsKey("prvCreate" + ScoreEventColumns.Table)));
        Assert.All(roles.Values, r => Assert.False(r.ContainsKey("prvDelete" + ScoreEventColumns.Table)));

        // Every privilege names a table the solution has, or a standard one.
        var tables = Source.Tables.Keys.Where(t => t.StartsWith("ls_", StringComparison.Ordinal)).Concat(new[] { "Lead", "User" }).ToList();
        Assert.All(roles.Values.SelectMany(r => r.Keys), p => Assert.Contains(tables, t => p.EndsWith(t, StringComparison.Ordinal)));
        Assert.All(roles.Values.SelectMany(r => r.Values), level => Assert.Contains(level, new[] { "Basic", "Local", "Deep", "Global" }));
    }

    [Fact]
    public void Custom_api_execute_privileges_are_granted_somewhere()
    {
        var granted = Source.Roles.SelectMany(r => r.Descendants("RolePrivilege")).Select(p => p.Attribute("name")!.Value).ToHashSet();
        // prvReadLead and prvWriteLead belong to the standard sales roles too (Salesperson).
        Assert.All(Source.CustomApis.Values.Select(a => a.Value("executeprivilegename")).Where(p => p.Length > 0), p => Assert.Contains(p, granted));
    }

    [Fact]
    public void Sales_reps_read_but_cannot_write_the_secured_score_columns()
    {
        var secured = Source.Tables.Values.SelectMany(t => t.Columns.Values.Where(a => a.Element("IsSecured")!.Value == "1").Select(a => t.Name + "." + a.Element("LogicalName")!.Value)).ToHashSet();
        Assert.Contains("lead." + LeadColumns.Score, secured);
        Assert.Contains("lead." + LeadColumns.FitScore, secured);
        Assert.Contains("lead." + LeadColumns.EngagementScore, secured);
        Assert.Contains("lead." + LeadColumns.Grade, secured);
        // People set these two: sales sets the stage, the person handing a lead back writes the reason.
        Assert.DoesNotContain("lead." + LeadColumns.LifecycleStage, secured);
        Assert.DoesNotContain("lead." + LeadColumns.HandBackReason, secured);

        var permissions = Source.FieldPermissions.ToList();
        Assert.Equal(secured.OrderBy(s => s, StringComparer.Ordinal), permissions.Select(p => p.Element("EntityName")!.Value + "." + p.Element("AttributeName")!.Value).OrderBy(s => s, StringComparer.Ordinal));
        Assert.All(permissions, p =>
        {
            // Child elements in the schema's order, CanReadUnmasked last as exports write it.
            Assert.Equal(new[] { "EntityName", "AttributeName", "CanRead", "CanUpdate", "CanCreate", "CanReadUnmasked" }, p.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("4", p.Element("CanRead")!.Value);
            Assert.Equal("0", p.Element("CanUpdate")!.Value);
            Assert.Equal("0", p.Element("CanCreate")!.Value);
        });
    }

    [Fact]
    public void The_admins_app_holds_existing_tables_forms_views_and_roles()
    {
        var app = Assert.Single(Source.AppModules);
        var components = app.Element("AppModuleComponents")!.Elements("AppModuleComponent").ToList();
        var forms = Source.Forms.Select(f => f.Form.Element("formid")!.Value).ToHashSet();
        var views = Source.Views.Select(v => v.View.Element("savedqueryid")!.Value).ToHashSet();
        foreach (var component in components)
        {
            switch (component.Attribute("type")!.Value)
            {
                case "1": Assert.True(Source.Tables.ContainsKey(component.Attribute("schemaName")!.Value)); break;
                case "60": Assert.Contains(component.Attribute("id")!.Value, forms.Concat(Source.Files("Dashboards", "*.xml").Select(f => XDocument.Load(f).Root!.Element("FormId")!.Value))); break;
                case "26": Assert.Contains(component.Attribute("id")!.Value, views); break;
                case "59": Assert.Contains(component.Attribute("id")!.Value, Source.Tables.Values.SelectMany(t => t.Charts).Select(c => c.Element("savedqueryvisualizationid")!.Value)); break;
                case "62": Assert.Equal(app.Element("UniqueName")!.Value, component.Attribute("schemaName")!.Value); break;
                default: Assert.Fail("Unexpected app component type " + component.Attribute("type")!.Value); break;
            }
        }

        var roleIds = Source.Roles.ToDictionary(r => r.Attribute("name")!.Value, r => r.Attribute("id")!.Value);
        var mapped = app.Element("AppModuleRoleMaps")!.Elements("Role").Select(r => r.Attribute("id")!.Value).ToList();
        Assert.Contains(roleIds[SecurityRoles.Admin], mapped);
        Assert.Contains(roleIds[SecurityRoles.MarketingApprover], mapped);
        Assert.Contains(roleIds[SecurityRoles.SalesApprover], mapped);

        var siteMap = Assert.Single(Source.SiteMaps);
        var webResources = Source.WebResources.Select(w => "$webresource:" + w.Element("Name")!.Value).ToHashSet();
        foreach (var subArea in siteMap.Descendants("SubArea"))
        {
            if (subArea.Attribute("Entity") is { } entity)
            {
                Assert.Contains(components, c => c.Attribute("schemaName")?.Value == entity.Value);
            }
            else if (subArea.Attribute("DefaultDashboard") is { } dashboard)
            {
                Assert.Contains(components, c => c.Attribute("type")!.Value == "60" && c.Attribute("id")!.Value == dashboard.Value);
            }
            else
            {
                Assert.Contains(subArea.Attribute("Url")!.Value, webResources);
            }
        }
    }

    [Fact]
    public void Web_resources_match_webresources_json_and_the_built_files()
    {
        var declared = SolutionInputs.ReadWebResources(Path.Combine(RepositoryRoot.Path, "WebResources", "webresources.json"));
        var inSolution = Source.WebResources.Select(w => (Name: w.Element("Name")!.Value, Display: w.Element("DisplayName")!.Value, Type: int.Parse(w.Element("WebResourceType")!.Value, System.Globalization.CultureInfo.InvariantCulture), File: w.Element("FileName")!.Value));
        Assert.Equal(declared.Select(d => (d.Name, d.DisplayName, d.Type, "/WebResources/" + d.Name)).OrderBy(d => d.Name, StringComparer.Ordinal), inSolution.OrderBy(d => d.Name, StringComparer.Ordinal));
        Assert.All(Source.WebResources, w => Assert.True(File.Exists(Source.Path("WebResources", w.Element("Name")!.Value + ".data.xml"))));

        // When the web resources are built (WebResources/test.sh runs after the .NET tests in test.sh, so
        // often they are not yet), every name has its built file at the same path under dist/.
        string dist = Path.Combine(RepositoryRoot.Path, "WebResources", "dist");
        if (Directory.Exists(dist))
        {
            Assert.All(declared, d => Assert.True(File.Exists(Path.Combine(dist, d.Name)), "not built: " + d.Name));
        }
    }

    private static IEnumerable<string> Fields(XElement form) =>
        form.Descendants("control").Select(c => c.Attribute("datafieldname")?.Value).OfType<string>();

    private static IEnumerable<(string Target, string Relationship, Guid View)> Subgrids(XElement form) =>
        form.Descendants("control").Where(c => c.Attribute("classid")!.Value == Controls.Subgrid).Select(c =>
            (c.Element("parameters")!.Element("TargetEntityType")!.Value, c.Element("parameters")!.Element("RelationshipName")!.Value,
             Guid.Parse(c.Element("parameters")!.Element("ViewId")!.Value)));
}
