using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.Tests.Plugins;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// Runs the product end to end on the emulator (model approval and activation, leads, emails,
/// appointments, interactions, hand-back, adjustment, decay) and checks every value the plug-ins and
/// the model writer stored against the column the solution declares: the type, the text length, the
/// choice value, the lookup's target. The emulator does not check types; Dataverse would.
/// </summary>
public class WrittenValuesTests
{
    [Fact]
    public void Every_value_the_product_writes_fits_its_column_in_the_solution()
    {
        var source = SolutionSource.Committed;
        var webinar = new ScoringRule
        {
            Id = "webinar",
            Name = "Attended a webinar",
            Category = Category.Engagement,
            Table = InteractionColumns.Table,
            Conditions = new[]
            {
                new Condition(InteractionColumns.Type, ConditionOperator.EqualsTo, new object?[] { InteractionTypeValues.WebinarAttended.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                new Condition("jobtitle", ConditionOperator.Contains, new object?[] { "director" }) { Table = LeadColumns.Table },
            },
            Points = 15,
            ExpiresAfterDays = 90,
        };
        var backtest = new GradeConversion("backtest", new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc), 60, new[] { new GradeOutcome("A1", 20, 17), new GradeOutcome("B2", 25, 9), new GradeOutcome("C3", 15, 1) });
        var s = new ScoringOrganization(Engine.SampleModels.With(webinar) with { GradeConversion = backtest });

        // A lead that becomes sales-ready and stays so.
        var ready = s.CreateLead(("lastname", "Roe"), ("jobtitle", "Director of IT"));
        s.Download(ready);
        s.Download(ready);
        s.Download(ready);
        s.Create(InteractionColumns.Table, (InteractionColumns.Name, "Webinar"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.WebinarAttended)),
            (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, ready)));
        Assert.NotNull(s.Lead(ready).GetAttributeValue<DateTime?>(LeadColumns.SalesReadyOn));
        var checkedColumns = new HashSet<string>();
        CheckStoredValues(source, s, checkedColumns);

        // A lead that goes through hand-back and decay.
        var lead = s.CreateLead(("lastname", "Doe"), ("jobtitle", "Director of Marketing"), ("numberofemployees", 500));
        s.Update(LeadColumns.Table, lead, ("jobtitle", "VP Sales"));
        s.Create(InteractionColumns.Table,
            (InteractionColumns.Name, "Pricing page"), (InteractionColumns.Type, new OptionSetValue(InteractionTypeValues.PageVisit)),
            (InteractionColumns.LeadId, new EntityReference(LeadColumns.Table, lead)), (InteractionColumns.Url, "https://contoso.example/pricing"),
            (InteractionColumns.DurationSeconds, 95), (InteractionColumns.OccurredOn, ScoringOrganization.Start));
        for (int i = 0; i < 5; i++)
        {
            s.Download(lead);
            s.SendEmail(lead);
        }

        s.Create(AppointmentColumns.Table, ("subject", "Demo"), (AppointmentColumns.RegardingObjectId, new EntityReference(LeadColumns.Table, lead)),
            (AppointmentColumns.StateCode, new OptionSetValue(AppointmentColumns.StateCompleted)));
        s.Call(CustomApi.AdjustLeadScore, lead, s.Admin, (CustomApi.Points, 100), (CustomApi.Reason, "Met at the fair"));
        s.Update(LeadColumns.Table, lead, ("jobtitle", "Sales Director")); // with the fit it needs, Marketing Qualified
        s.Update(LeadColumns.Table, lead, (LeadColumns.LifecycleStage, new OptionSetValue(LifecycleStageValues.SalesAccepted)));
        s.Call(CustomApi.HandBackLead, lead, s.SalesRep, (CustomApi.Reason, "No budget this year"));
        s.Advance(120);
        s.Call(CustomApi.ApplyScoreDecay, null, s.Admin);

        // Interactions from other systems: one waits for its lead, one creates a lead.
        s.Call(CustomApi.RecordInteraction, null, s.Integration, (CustomApi.Type, "Webinar attendance"), (CustomApi.Source, "webinar-platform"),
            (CustomApi.ExternalId, "reg-7781"), (CustomApi.Name, "Scoring 101"), (CustomApi.EmailAddress, "kim@contoso.example"));
        s.SetEnvironmentVariable(EnvironmentVariableNames.UnmatchedInteractions, EnvironmentVariableNames.CreateLead);
        s.Call(CustomApi.RecordInteraction, null, s.Integration, (CustomApi.Type, "Form submission"), (CustomApi.Source, "Web"),
            (CustomApi.ExternalId, "form-1"), (CustomApi.Url, "https://contoso.example/contact"), (CustomApi.EmailAddress, "lee@contoso.example"));

        CheckStoredValues(source, s, checkedColumns);

        // The scenario reaches every product column Schema.cs names.
        var notReached = SchemaConsistencyTests.SchemaColumns()
            .Where(c => c.Column.StartsWith("ls_", StringComparison.Ordinal) && !checkedColumns.Contains(c.Table + "." + c.Column))
            .Select(c => c.Table + "." + c.Column).ToList();
        Assert.True(notReached.Count == 0, "Columns the scenario never wrote (extend it): " + string.Join(", ", notReached));
    }

    private static void CheckStoredValues(SolutionSource source, ScoringOrganization s, HashSet<string> checkedColumns)
    {
        foreach (string table in source.Tables.Keys)
        {
            foreach (var row in s.Org.GetRows(table))
            {
                foreach (var (column, value) in row.Attributes.Where(a => a.Key.StartsWith("ls_", StringComparison.Ordinal) && a.Value != null))
                {
                    var attribute = source.Column(table, column);
                    Assert.True(attribute != null, $"The product wrote {table}.{column}, which the solution does not define");
                    string type = attribute!.Element("Type")!.Value;
                    string where = $"{table}.{column} ({type}) = {value} ({value!.GetType().Name})";
                    switch (value)
                    {
                        case int number:
                            Assert.True(type == "int", where);
                            Assert.InRange(number, Bound(attribute, "MinValue"), Bound(attribute, "MaxValue"));
                            break;
                        case string text:
                            Assert.True(type is "nvarchar" or "ntext", where);
                            Assert.True(text.Length <= Bound(attribute, "MaxLength"), where + ": longer than the column's MaxLength");
                            break;
                        case OptionSetValue choice:
                            Assert.True(type == "picklist", where);
                            Assert.Contains(choice.Value, source.OptionSets[attribute.Element("OptionSetName")!.Value].Keys);
                            break;
                        case EntityReference reference:
                            Assert.True(type is "lookup" or "primarykey", where);
                            if (type == "lookup")
                            {
                                Assert.Equal(reference.LogicalName, TargetOf(source, table, column));
                            }

                            break;
                        case DateTime:
                            Assert.True(type == "datetime", where);
                            break;
                        case bool:
                            Assert.True(type == "bit", where);
                            break;
                        case Guid:
                            Assert.True(type == "primarykey", where);
                            break;
                        default:
                            Assert.Fail("Unexpected value type: " + where);
                            break;
                    }

                    checkedColumns.Add(table + "." + column);
                }
            }
        }
    }

    private static int Bound(System.Xml.Linq.XElement attribute, string element) =>
        attribute.Element(element) is { } bound && long.TryParse(bound.Value, out long value)
            ? (int)Math.Clamp(value, int.MinValue, int.MaxValue)
            : element == "MinValue" ? int.MinValue : int.MaxValue;

    private static string TargetOf(SolutionSource source, string table, string column) =>
        source.Relationships.Single(r => r.Element("ReferencingEntityName")!.Value.Equals(table, StringComparison.OrdinalIgnoreCase)
            && r.Element("ReferencingAttributeName")!.Value.Equals(column, StringComparison.OrdinalIgnoreCase))
            .Element("ReferencedEntityName")!.Value.ToLowerInvariant();
}
