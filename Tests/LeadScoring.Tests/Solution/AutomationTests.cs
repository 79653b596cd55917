using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LeadScoring.Dataverse;
using LeadScoring.SolutionTool.Definition;
using LeadScoring.Tests.Sdk;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// The flows, the classic workflow, the environment variables, the connection references, the charts
/// and the dashboard in Solution/ are well-formed and every table, column, choice value, Custom API
/// and environment variable they name exists in the solution (issue 11).
/// </summary>
public class AutomationTests
{
    private static readonly SolutionSource Source = SolutionSource.Committed;

    /// <summary>Entity set names the flows use → table: the solution's tables and the standard ones.</summary>
    private static readonly Dictionary<string, string> EntitySets = Source.Tables.Values
        .Where(t => t.IsNew)
        .ToDictionary(t => t.Entity.Descendants("EntitySetName").Single().Value, t => t.Name)
        .Concat(new Dictionary<string, string> { ["leads"] = "lead", ["systemusers"] = "systemuser", ["lists"] = "list", ["contacts"] = "contact", ["msevtmgt_events"] = "msevtmgt_event" })
        .ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Platform messages a flow may call besides the solution's Custom APIs.</summary>
    private static readonly Dictionary<string, string[]> PlatformActions = new() { ["AddMemberList"] = new[] { "ListId", "EntityId" } };

    public static IEnumerable<(string Name, JsonObject Json)> FlowFiles() =>
        Source.Files("Workflows", "*.json.data.xml").Select(f =>
        {
            var data = XDocument.Load(f).Root!;
            string file = Source.Path(data.Element("JsonFileName")!.Value.TrimStart('/').Split('/'));
            return (data.Attribute("Name")!.Value, JsonNode.Parse(File.ReadAllText(file))!.AsObject());
        });

    public static JsonObject Flow(string name) => FlowFiles().Single(f => f.Name == name).Json;

    private static IEnumerable<JsonObject> Actions(JsonObject container)
    {
        foreach (var (_, node) in container)
        {
            var action = node!.AsObject();
            yield return action;
            foreach (string nested in new[] { "actions" })
            {
                if (action[nested] is JsonObject inner)
                {
                    foreach (var a in Actions(inner))
                    {
                        yield return a;
                    }
                }
            }

            if (action["else"]?["actions"] is JsonObject elseActions)
            {
                foreach (var a in Actions(elseActions))
                {
                    yield return a;
                }
            }

            if (action["default"]?["actions"] is JsonObject defaultActions)
            {
                foreach (var a in Actions(defaultActions))
                {
                    yield return a;
                }
            }

            if (action["cases"] is JsonObject cases)
            {
                foreach (var (_, c) in cases)
                {
                    foreach (var a in Actions(c!["actions"]!.AsObject()))
                    {
                        yield return a;
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Operations(JsonObject flow)
    {
        var definition = flow["properties"]!["definition"]!.AsObject();
        return definition["triggers"]!.AsObject().Select(t => t.Value!.AsObject()).Concat(Actions(definition["actions"]!.AsObject()))
            .Where(a => a["inputs"] is JsonObject inputs && inputs["host"] != null);
    }

    private static readonly HashSet<string> ODataWords = new() { "eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "asc", "desc", "null", "true", "false" };

    /// <summary>The columns an OData $filter or $orderby names (a lookup's _x_value as x), expressions and literals left out.</summary>
    private static IEnumerable<string> ColumnsIn(string text)
    {
        string bare = Regex.Replace(Regex.Replace(text, @"@\{[^}]*\}", ""), "'[^']*'", "");
        return bare.Split(new[] { ' ', ',', '(', ')' }, StringSplitOptions.RemoveEmptyEntries)
            .Where(t => Regex.IsMatch(t, "^[a-z_][a-z0-9_]*$") && !ODataWords.Contains(t))
            .Select(t => t.StartsWith('_') && t.EndsWith("_value", StringComparison.Ordinal) ? t[1..^"_value".Length] : t);
    }

    [Fact]
    public void There_are_the_seven_flows_the_classic_workflow_and_the_six_environment_variables()
    {
        Assert.Equal(
            new[]
            {
                Flows.DecayNightly.Name, Flows.NotifySalesReady.Name, Flows.ReengageDecaying.Name, Flows.ReengageRecycled.Name,
                Flows.RecordFormSubmissions.Name, Flows.RecordEventRegistrations.Name, Flows.RecordEventCheckIns.Name,
            }.OrderBy(n => n, StringComparer.Ordinal),
            FlowFiles().Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Single(Source.Files("Workflows", "*.xaml.data.xml"));
        var variables = Source.Files("environmentvariabledefinitions", "*.xml").Select(f => XDocument.Load(f).Root!.Attribute("schemaname")!.Value).OrderBy(v => v, StringComparer.Ordinal);
        Assert.Equal(new[] { "ls_DecayPageSize", "ls_NotificationChannel", "ls_RecordEventInteractions", "ls_RecordFormSubmissions", "ls_ReengagementListName", "ls_UnmatchedInteractions" }, variables);
    }

    [Fact]
    public void Flows_use_connection_references_rather_than_embedded_connections()
    {
        var references = Source.Customizations.Descendants("connectionreference")
            .ToDictionary(c => c.Attribute("connectionreferencelogicalname")!.Value, c => c.Element("connectorid")!.Value);
        foreach (var (name, flow) in FlowFiles())
        {
            var used = flow["properties"]!["connectionReferences"]!.AsObject();
            Assert.NotEmpty(used);
            foreach (var (api, reference) in used)
            {
                Assert.Equal("embedded", (string?)reference!["runtimeSource"]);
                string logical = (string)reference["connection"]!["connectionReferenceLogicalName"]!;
                Assert.True(references.ContainsKey(logical), $"{name} names connection reference {logical}, which the solution does not have");
                Assert.Equal("/providers/Microsoft.PowerApps/apis/" + api, references[logical]);
                Assert.Null(reference["connection"]!["name"]); // no embedded connection
            }

            Assert.All(Operations(flow), op => Assert.Contains((string)op["inputs"]!["host"]!["connectionName"]!, used.Select(u => u.Key)));
        }
    }

    [Fact]
    public void Flow_parameters_are_the_solutions_environment_variables()
    {
        var variables = Source.Files("environmentvariabledefinitions", "*.xml").Select(f => XDocument.Load(f).Root!)
            .ToDictionary(v => v.Attribute("schemaname")!.Value);
        foreach (var (name, flow) in FlowFiles())
        {
            var parameters = flow["properties"]!["definition"]!["parameters"]!.AsObject();
            foreach (var (parameter, node) in parameters.Where(p => !p.Key.StartsWith('$')))
            {
                string schema = (string)node!["metadata"]!["schemaName"]!;
                Assert.True(variables.ContainsKey(schema), $"{name}: parameter {parameter} names {schema}, which the solution does not define");
                var variable = variables[schema];
                Assert.Equal(variable.Element("type")!.Value == "100000001" ? "Int" : "String", (string)node["type"]!);
                Assert.Equal(variable.Element("defaultvalue")!.Value, node["defaultValue"]!.ToJsonString().Trim('"'));
                Assert.Equal($"{variable.Element("displayname")!.Attribute("default")!.Value} ({schema})", parameter);
            }

            string text = flow.ToJsonString();
            var referenced = Regex.Matches(text, @"parameters\('([^']+)'\)").Select(m => m.Groups[1].Value).Where(p => !p.StartsWith('$')).Distinct();
            Assert.All(referenced, p => Assert.True(parameters.ContainsKey(p), $"{name} uses parameter '{p}' it does not declare"));
        }
    }

    [Fact]
    public void Tables_columns_choice_values_and_custom_apis_the_flows_name_exist()
    {
        foreach (var (name, flow) in FlowFiles())
        {
            foreach (var op in Operations(flow))
            {
                var parameters = op["inputs"]!["parameters"]?.AsObject() ?? new JsonObject();
                string operation = (string)op["inputs"]!["host"]!["operationId"]!;
                string where = $"{name}, {operation}";
                if (operation == "SubscribeWebhookTrigger")
                {
                    string table = (string)parameters["subscriptionRequest/entityname"]!;
                    Assert.True(Source.Tables.ContainsKey(table) || StandardColumns.ByTable.ContainsKey(table), where + ": trigger table " + table);
                    foreach (string column in ((string?)parameters["subscriptionRequest/filteringattributes"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
                    {
                        Assert.True(SchemaConsistencyTests.Exists(table, column), where + ": " + column);
                    }

                    string filter = (string?)parameters["subscriptionRequest/filterexpression"] ?? "";
                    foreach (Match condition in Regex.Matches(filter, @"(\w+) eq (\d+)"))
                    {
                        if (table == LeadColumns.Table && condition.Groups[1].Value == LeadColumns.StateCode)
                        {
                            // The lead's standard status: 0 Open, 1 Qualified, 2 Disqualified (the LEAD_STATE values, https://learn.microsoft.com/en-us/previous-versions/aa477355(v=msdn.10)).
                            Assert.Contains(int.Parse(condition.Groups[2].Value, CultureInfo.InvariantCulture), new[] { 0, 1, 2 });
                            continue;
                        }

                        var column = Source.Column(table, condition.Groups[1].Value);
                        Assert.NotNull(column);
                        Assert.Contains(int.Parse(condition.Groups[2].Value, CultureInfo.InvariantCulture), Source.OptionSets[column!.Element("OptionSetName")!.Value].Keys);
                    }

                    continue;
                }

                if (parameters["entityName"] is { } entitySet)
                {
                    Assert.True(EntitySets.TryGetValue((string)entitySet!, out string? table), where + ": entity set " + entitySet);
                    var columns = parameters.Where(p => p.Key.StartsWith("item/", StringComparison.Ordinal)).Select(p => p.Key["item/".Length..])
                        .Concat(((string?)parameters["$select"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
                        .Concat(ColumnsIn((string?)parameters["$filter"] ?? ""))
                        .Concat(ColumnsIn((string?)parameters["$orderby"] ?? ""));
                    Assert.All(columns, c => Assert.True(SchemaConsistencyTests.Exists(table!, c), $"{where}: {table}.{c}"));
                    foreach (var (key, value) in parameters.Where(p => p.Key.StartsWith("item/", StringComparison.Ordinal) && p.Value is JsonValue v && v.TryGetValue<int>(out _)))
                    {
                        var column = Source.Column(table!, key["item/".Length..]);
                        if (column?.Element("OptionSetName") is { } optionSet)
                        {
                            Assert.Contains((int)value!, Source.OptionSets[optionSet.Value].Keys);
                        }
                    }
                }

                if (operation == "PerformUnboundAction")
                {
                    string action = (string)parameters["actionName"]!;
                    var expected = Source.CustomApis.TryGetValue(action, out var api)
                        ? api.RequestParameters.Select(p => p.Attribute("uniquename")!.Value).ToArray()
                        : PlatformActions.TryGetValue(action, out var known) ? known : null;
                    Assert.True(expected != null, $"{where}: {action} is neither a Custom API of the solution nor a known platform message");
                    Assert.All(parameters.Where(p => p.Key.StartsWith("item/", StringComparison.Ordinal)), p => Assert.Contains(p.Key["item/".Length..], expected!));
                }
            }

            // What the flows read from ls_ApplyScoreDecay's response is among its response properties.
            var responses = Source.CustomApis[CustomApi.ApplyScoreDecay].ResponseProperties.Select(p => p.Attribute("uniquename")!.Value).ToHashSet();
            Assert.All(Regex.Matches(flow.ToJsonString(), @"outputs\('Apply_score_decay_page'\)\?\['body/(\w+)'\]").Select(m => m.Groups[1].Value),
                property => Assert.Contains(property, responses));
        }
    }

    [Fact]
    public void The_classic_workflow_runs_the_hand_back_activity_of_this_assembly_on_the_lead()
    {
        string dataFile = Assert.Single(Source.Files("Workflows", "*.xaml.data.xml"));
        var data = XDocument.Load(dataFile).Root!;
        Assert.Equal("lead", data.Element("PrimaryEntity")!.Value);
        Assert.Equal("1", data.Element("OnDemand")!.Value);
        Assert.Equal("0", data.Element("Category")!.Value);
        Assert.All(data.Element("TriggerOnUpdateAttributeList")!.Value.Split(','), c => Assert.True(SchemaConsistencyTests.Exists("lead", c)));
        var xaml = XDocument.Load(Source.Path(data.Element("XamlFileName")!.Value.TrimStart('/').Split('/'))).Root!;

        XNamespace x = "http://schemas.microsoft.com/winfx/2006/xaml";
        var assembly = Assert.Single(Source.PluginAssemblies);
        var activity = xaml.Descendants().Single(e => ((string?)e.Attribute("AssemblyQualifiedName"))?.StartsWith("LeadScoring.", StringComparison.Ordinal) == true);
        string qualified = activity.Attribute("AssemblyQualifiedName")!.Value;
        Assert.Contains(assembly.Descendants("PluginType"), t => t.Attribute("AssemblyQualifiedName")!.Value == qualified);
        Assert.Equal("LeadScoring.Workflow.HandBackLeadActivity, " + assembly.Attribute("FullName")!.Value, qualified);

        // Its argument keys are the activity's properties, read from the built net462 assembly.
        using var context = SdkTestAssemblies.Net462Context(SdkTestAssemblies.PathOf("LeadScoring.Plugins"));
        var type = context.LoadFromAssemblyPath(SdkTestAssemblies.PathOf("LeadScoring.Plugins")).GetType("LeadScoring.Workflow.HandBackLeadActivity", throwOnError: true)!;
        var properties = type.GetProperties().Where(p => p.PropertyType.Name is "InArgument`1" or "OutArgument`1").Select(p => p.Name).OrderBy(p => p, StringComparer.Ordinal);
        var keys = activity.Descendants().Where(e => e.Name.LocalName is "InArgument" or "OutArgument").Select(e => e.Attribute(x + "Key")!.Value).OrderBy(k => k, StringComparer.Ordinal);
        Assert.Equal(properties, keys);

        // The columns it reads are lead's, and the stage it compares with is Recycled.
        Assert.All(xaml.Descendants().Where(e => e.Name.LocalName == "GetEntityProperty"), g => Assert.True(SchemaConsistencyTests.Exists("lead", g.Attribute("Attribute")!.Value)));
        Assert.Contains($"\"{LifecycleStageValues.Recycled}\"", xaml.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_and_the_dashboard_use_existing_columns_views_and_charts()
    {
        var charts = new Dictionary<string, string>();
        foreach (var table in Source.Tables.Values)
        {
            foreach (var chart in table.Charts)
            {
                charts[chart.Element("savedqueryvisualizationid")!.Value] = table.Name;
                var fetch = chart.Descendants("fetch").Single();
                Assert.Equal(table.Name, fetch.Element("entity")!.Attribute("name")!.Value);
                Assert.All(fetch.Descendants("attribute"), a => Assert.True(SchemaConsistencyTests.Exists(table.Name, a.Attribute("name")!.Value), a.ToString()));
                var aliases = fetch.Descendants("attribute").Select(a => a.Attribute("alias")!.Value).ToHashSet();
                Assert.All(chart.Descendants("category").Select(c => c.Attribute("alias")!.Value).Concat(chart.Descendants("measure").Select(m => m.Attribute("alias")!.Value)), a => Assert.Contains(a, aliases));
            }
        }

        var views = Source.Views.ToDictionary(v => v.View.Element("savedqueryid")!.Value, v => v.Table);
        var dashboard = XDocument.Load(Assert.Single(Source.Files("Dashboards", "*.xml"))).Root!;
        Assert.Equal("Lead scoring health", dashboard.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value);
        var tiles = dashboard.Descendants("parameters").ToList();
        Assert.Equal(9, tiles.Count);
        foreach (var tile in tiles)
        {
            string table = tile.Element("TargetEntityType")!.Value;
            Assert.Equal(table, views[tile.Element("ViewId")!.Value]);
            if (tile.Element("VisualizationId")!.Value is { Length: > 0 } chart)
            {
                Assert.Equal(table, charts[chart]);
            }
        }

        Assert.Equal(8, tiles.Count(t => t.Element("ChartGridMode")!.Value == "Chart"));

        // The funnel of the stage history: stage entries by month (per stage), and the MQLs of each month beside
        // those of them handed back; both from ls_stagechange, each shown on the dashboard with its view.
        var stageCharts = Source.Tables.Values.Single(t => t.Name == "ls_stagechange").Charts.ToList();
        string Grouped(XElement chart, string alias) => chart.Descendants("attribute").Single(a => (string?)a.Attribute("alias") == alias).Attribute("name")!.Value;
        var entries = Assert.Single(stageCharts, c => Grouped(c, "category") == "ls_enteredmonth" && Grouped(c, "series") == "ls_tostage");
        var handBacks = Assert.Single(stageCharts, c => Grouped(c, "category") == "ls_mqlmonth" && Grouped(c, "series") == "ls_funnelmark");
        var onDashboard = tiles.Select(t => t.Element("VisualizationId")!.Value).ToList();
        Assert.Contains(entries.Element("savedqueryvisualizationid")!.Value, onDashboard);
        Assert.Contains(handBacks.Element("savedqueryvisualizationid")!.Value, onDashboard);
        Assert.Contains(Source.Tables.Values.Single(t => t.Name == "lead").Charts, c => c.Descendants("Series").Any(x => (string?)x.Attribute("ChartType") == "Funnel"));
    }

    [Fact]
    public void Docs_describe_every_flow_and_workflow_and_how_to_turn_it_off()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "automation.md"));
        Assert.All(FlowFiles().Select(f => f.Name).Append(ClassicWorkflows.HandBackRecycled("x").Name), name => Assert.Contains(name, docs, StringComparison.Ordinal));
        Assert.All(Automation.EnvironmentVariables, v => Assert.Contains(v.SchemaName, docs, StringComparison.Ordinal));
        Assert.Contains("Turn off", docs, StringComparison.OrdinalIgnoreCase);
    }
}
