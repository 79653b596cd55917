using System;
using System.IO;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Platform;
using LeadScoring.SolutionTool;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Each plug-in class declares the events it handles (message, table, stage, mode). pac-config.json
/// registers exactly those: every registration is declared by its class, and every declaration is registered.
/// </summary>
public class DeclaredEventsTests
{
    private static readonly PacConfigFile Config = PacConfigFile.Read(Path.Combine(RepositoryRoot.Path, "pac-config.json"));

    private static readonly PluginBase[] Plugins = typeof(PluginBase).Assembly.GetTypes()
        .Where(t => typeof(PluginBase).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (PluginBase)Activator.CreateInstance(t)!)
        .ToArray();

    private static PluginBase Plugin(string typeName) => Assert.Single(Plugins, p => p.GetType().FullName == typeName);

    [Fact]
    public void Every_registered_step_and_Custom_API_is_declared_by_its_plug_in_class()
    {
        foreach (var step in Config.Steps)
        {
            Assert.Contains(new PluginEvent(step.Message, step.Table, step.Stage, step.Mode == "Async"), Plugin(step.Plugin).Events);
        }

        foreach (var api in Config.CustomApis)
        {
            Assert.Contains(new PluginEvent(api.UniqueName, string.IsNullOrEmpty(api.BoundTable) ? "none" : api.BoundTable, PluginEvent.MainOperation, false), Plugin(api.Plugin).Events);
        }
    }

    [Fact]
    public void Every_declared_event_is_registered_in_pac_config()
    {
        foreach (var plugin in Plugins)
        {
            var name = plugin.GetType().FullName;
            foreach (var declared in plugin.Events)
            {
                var registered = declared.Stage == PluginEvent.MainOperation
                    ? Config.CustomApis.Any(a => a.Plugin == name && a.UniqueName == declared.Message && (string.IsNullOrEmpty(a.BoundTable) ? "none" : a.BoundTable) == declared.Table)
                    : Config.Steps.Any(s => s.Plugin == name && s.Message == declared.Message && s.Table == declared.Table && s.Stage == declared.Stage && (s.Mode == "Async") == declared.Async);
                Assert.True(registered, name + " declares " + declared + ", which pac-config.json does not register.");
            }
        }
    }

    [Fact]
    public void A_plug_in_run_for_an_event_it_does_not_declare_traces_and_does_nothing()
    {
        var org = new ScoringOrganization();
        org.Org.LoadPacConfigJson("""
            { "steps": [ { "name": "Misregistered", "plugin": "LeadScoring.Steps.LeadScoringPlugin", "message": "Create", "table": "account", "stage": 40, "mode": "Async" } ] }
            """, typeof(PluginBase).Assembly);

        org.Create("account", ("name", "Contoso"));

        var run = Assert.Single(org.Org.Executions, e => e.StepName == "Misregistered");
        Assert.Null(run.Exception);
        Assert.Contains(run.Traces, t => t.Contains("does not handle this event", StringComparison.Ordinal));
        Assert.Empty(org.Org.GetRows(ScoreEventColumns.Table));
    }
}
