using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Tests.Solution;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.ModelFiles;
using LeadScoring.Workbench.Simulation;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace LeadScoring.Tests.Workbench;

/// <summary>
/// The dashboard's stage history charts count what the workbench's funnel counts: the demo history
/// replayed through the plug-ins leaves ls_stagechange rows in the emulated org; each chart's FetchXML
/// (with the filter of the view the dashboard shows it with), run through the org, gives per month the
/// same stage entries, MQLs and hand-backs as the funnel command's figures on the same replay.
/// </summary>
public sealed class StageHistoryChartTests
{
    private static readonly string Demo = Path.Combine(RepositoryRoot.Path, "samples", "demo");

    private readonly Replay replay;
    private readonly FunnelReport funnel;

    public StageHistoryChartTests()
    {
        var model = ValidModel.Read(Path.Combine(Demo, "model.json"));
        var history = EventsFile.Read(Path.Combine(Demo, "events.jsonl"));
        replay = Replay.Run(model, history);
        var won = OutcomeMoments.Qualified(history);
        var converted = history.Leads.ToDictionary(l => l, won.Contains, StringComparer.Ordinal);
        funnel = Funnel.Measure(model, history, replay.StageChanges, replay.Leads(), converted, OutcomeMoments.Find(history, new Dictionary<string, DateTime>()), new FunnelOptions());
    }

    [Fact]
    public void The_stage_entries_chart_counts_the_funnels_stage_entries_month_by_month()
    {
        var chart = Chart("Stage entries by month");
        var counted = Run(chart).ToDictionary(r => (Month: (string)r["category"]!, Stage: Label(r["series"])), r => (int)r["count"]!);

        var expected = funnel.Months.GroupBy(m => m.Month)
            .SelectMany(g => Funnel.Stages.Select(s => (Key: (Month: g.Key, Stage: s), Count: g.Sum(m => m.Entered[s]))))
            .Where(p => p.Count > 0).ToDictionary(p => p.Key, p => p.Count);
        Assert.True(expected.Count > 20, "the demo history moves leads through several stages each month");
        Assert.Equal(expected.OrderBy(p => p.Key), counted.OrderBy(p => p.Key));
    }

    [Fact]
    public void The_hand_back_chart_counts_each_months_MQLs_and_those_handed_back_as_the_funnel_does()
    {
        var chart = Chart("MQL hand-back rate by month");
        var counted = Run(chart).ToDictionary(r => (Month: (string)r["category"]!, Mark: ((OptionSetValue)r["series"]!).Value), r => (int)r["count"]!);

        foreach (var month in funnel.Months.GroupBy(m => m.Month))
        {
            Assert.Equal(month.Sum(m => m.Mqls), counted.GetValueOrDefault((month.Key, FunnelMarkValues.BecameMql)));
            Assert.Equal(month.Sum(m => m.HandedBack), counted.GetValueOrDefault((month.Key, FunnelMarkValues.HandedBack)));
        }

        Assert.Equal(funnel.Total.Mqls, counted.Where(c => c.Key.Mark == FunnelMarkValues.BecameMql).Sum(c => c.Value));
        Assert.Equal(funnel.Total.HandedBack, counted.Where(c => c.Key.Mark == FunnelMarkValues.HandedBack).Sum(c => c.Value));
        Assert.True(funnel.Total.HandedBack > 0, "the demo history hands leads back");
    }

    [Fact]
    public void Grouping_by_dategrouping_month_gives_the_month_number_alone()
    {
        var fetch = new XElement("fetch", new XAttribute("aggregate", "true"), new XElement("entity", new XAttribute("name", StageChangeColumns.Table),
            new XElement("attribute", new XAttribute("name", StageChangeColumns.EnteredOn), new XAttribute("groupby", "true"), new XAttribute("dategrouping", "month"), new XAttribute("alias", "month")),
            new XElement("attribute", new XAttribute("name", StageChangeColumns.EnteredOn), new XAttribute("groupby", "true"), new XAttribute("dategrouping", "year"), new XAttribute("alias", "year")),
            new XElement("attribute", new XAttribute("name", StageChangeColumns.Id), new XAttribute("aggregate", "count"), new XAttribute("alias", "count"))));

        var rows = Run(fetch);

        Assert.All(rows, r => Assert.InRange((int)r["month"]!, 1, 12));
        Assert.Equal(funnel.Months.Select(m => m.Month).Distinct().Order(), rows.Select(r => $"{(int)r["year"]!:0000}-{(int)r["month"]!:00}").Order());
        Assert.Equal(replay.Organization.Org.GetRows(StageChangeColumns.Table).Count, rows.Sum(r => (int)r["count"]!));
    }

    /// <summary>A chart's fetch with the filter of the view the dashboard shows it with, as the dashboard runs it.</summary>
    private static XElement Chart(string name)
    {
        var source = SolutionSource.Committed;
        var table = source.Tables[StageChangeColumns.Table];
        var chart = table.Charts.Single(c => c.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value == name);
        var dashboard = XDocument.Load(Assert.Single(source.Files("Dashboards", "*.xml"))).Root!;
        var tile = dashboard.Descendants("parameters").Single(t => t.Element("VisualizationId")!.Value == chart.Element("savedqueryvisualizationid")!.Value);
        var view = table.Views.Single(v => v.Element("savedqueryid")!.Value == tile.Element("ViewId")!.Value);
        var fetch = new XElement(chart.Descendants("fetch").Single());
        fetch.Element("entity")!.Add(view.Descendants("entity").Single().Elements("filter").Select(f => new XElement(f)));
        return fetch;
    }

    private List<Dictionary<string, object?>> Run(XElement fetch) =>
        replay.Organization.As(replay.Organization.Admin).RetrieveMultiple(new FetchExpression(fetch.ToString())).Entities
            .Select(e => e.Attributes.ToDictionary(a => a.Key, a => (object?)((AliasedValue)a.Value).Value, StringComparer.Ordinal)).ToList();

    private static string Label(object? stage) => Lifecycle.StageName(LeadRecord.Stage((OptionSetValue?)stage) ?? LifecycleStage.New);
}
