using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Plugins;

/// <summary>
/// Every image pac-config.json registers names its columns, and they are the columns its plug-in reads
/// (Plugins/Dataverse/ImageColumns.cs). The emulator gives an image only its registered columns (PipelineSpecs),
/// so the stories that run through it fail when a plug-in reads a column its image does not carry.
/// </summary>
public class ImageColumnsTests
{
    private static string[] Reads(string plugin, string table, string image) => plugin.Split('.').Last() switch
    {
        "LeadScoringPlugin" => ImageColumns.Lead,
        "ActivityScoringPlugin" => ImageColumns.Activity(table),
        "ScoringModelPlugin" => ImageColumns.ScoringModel,
        "RecalculateOnActivationPlugin" => ImageColumns.ModelActivation,
        "AttachInteractionsPlugin" => ImageColumns.AttachInteractions,
        "StageHistoryPlugin" => image == "PreImage" ? ImageColumns.StageBefore : ImageColumns.StageAfter,
        "ScoringConfigurationPlugin" => table == ScoringRuleColumns.Table ? ImageColumns.Rule : ImageColumns.Condition,
        _ => throw new InvalidOperationException(plugin + " registers the image " + image + " but ImageColumns says nothing about it."),
    };

    [Fact]
    public void Every_registered_image_lists_exactly_the_columns_its_plug_in_reads()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "pac-config.json")))!;
        var wrong = new List<string>();
        foreach (var step in config["steps"]!.AsArray())
        {
            foreach (var image in step!["images"]?.AsArray() ?? new JsonArray())
            {
                var registered = image!["attributes"]!.AsArray().Select(a => (string)a!).ToArray();
                var reads = Reads((string)step["plugin"]!, (string)step["table"]!, (string)image["name"]!);
                if (!registered.SequenceEqual(reads))
                {
                    wrong.Add((string)step["name"]! + " | " + (string)image["name"]! + " | " + JsonSerializer.Serialize(reads));
                }
            }
        }

        Assert.True(wrong.Count == 0, "pac-config.json images that differ from what their plug-in reads:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void A_rule_on_a_custom_column_the_images_do_not_carry_is_read_from_the_row()
    {
        var noShow = new ScoringRule
        {
            Id = "noshow",
            Name = "Missed meeting to follow up",
            Category = Category.Engagement,
            Table = AppointmentColumns.Table,
            Points = 30,
            Conditions = [new Condition("new_noshow", ConditionOperator.EqualsTo, [true])],
        };
        var late = noShow with { Id = "late", Name = "Rescheduled", Points = 5, Conditions = [new Condition("subject", ConditionOperator.Contains, ["moved"])] };
        Assert.DoesNotContain("new_noshow", ImageColumns.Activity(AppointmentColumns.Table));
        var org = new ScoringOrganization(activate: false, customColumns: [(AppointmentColumns.Table, new TableColumn("new_noshow", ColumnType.Boolean))]);
        org.CreateAndActivate(Engine.SampleModels.With(noShow, late));
        var lead = org.CreateLead(("lastname", "Doe"));
        var meeting = org.Create(AppointmentColumns.Table, ("subject", "Demo"), ("new_noshow", true), (EmailColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)));
        Assert.Equal(30, org.Score(lead));

        org.Update(AppointmentColumns.Table, meeting, ("subject", "Demo (moved)"));

        Assert.Equal(35, org.Score(lead)); // the no-show, read from the row, is not counted again; the rescheduling is
        Assert.Equal(org.Score(lead), org.SumOfEvents(lead));
    }
}
