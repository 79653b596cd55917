using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LeadScoring.Dataverse;
using LeadScoring.Engine;
using LeadScoring.SolutionTool.Definition;
using LeadScoring.Tests.Plugins;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// The Customer Insights - Journeys flows replayed on the emulator, as FlowReplayTests replays the
/// others: the trigger is the platform's subscription to the Create of the flow's table, and the
/// flow's own actions are walked from its definition in Solution/Workflows (the switch, the GetItem
/// reads, the conditions and the ls_RecordInteraction call with its parameters), evaluating the few
/// expression forms they use.
/// </summary>
public class InteractionFlowReplayTests
{
    private static readonly Regex TriggerColumn = new(@"^@triggerOutputs\(\)\?\['body/(\w+)'\]$");
    private static readonly Regex StepColumn = new(@"^@?outputs\('(\w+)'\)\?\['body/(\w+)'\]$");
    private static readonly Regex Parameter = new(@"^@parameters\('([^']+)'\)$");
    private static readonly Regex Empty = new(@"^@empty\((.+)\)$");
    private static readonly Regex Coalesce = new(@"^@coalesce\((.+), (.+)\)$");

    private static readonly ScoringRule FormRule = new()
    {
        Id = "form",
        Name = "Submitted a form",
        Category = Category.Engagement,
        Table = InteractionColumns.Table,
        Conditions = new[] { new LeadScoring.Engine.Condition(InteractionColumns.Type, ConditionOperator.EqualsTo, new object?[] { InteractionTypeValues.FormSubmitted.ToString(System.Globalization.CultureInfo.InvariantCulture) }) },
        Points = 25,
    };

    private static readonly ScoringRule AttendedRule = FormRule with
    {
        Id = "attended",
        Name = "Attended an event",
        Conditions = new[] { new LeadScoring.Engine.Condition(InteractionColumns.Type, ConditionOperator.EqualsTo, new object?[] { InteractionTypeValues.EventAttended.ToString(System.Globalization.CultureInfo.InvariantCulture) }) },
        Points = 40,
    };

    private readonly ScoringOrganization s = new(Engine.SampleModels.With(FormRule, AttendedRule));

    [Fact]
    public void A_form_submission_flows_into_an_interaction_and_scores_once_the_flow_is_switched_on()
    {
        var fired = FlowReplayTests.Subscribe(s, Flows.RecordFormSubmissions);
        var lead = s.CreateLead(("lastname", "Doe"), ("emailaddress1", "jane.doe@contoso.com"));
        Entity Submit(string id) => s.Org.GetRow(JourneysColumns.FormSubmissionTable, Journeys(JourneysColumns.FormSubmissionTable,
            (JourneysColumns.FormSubmissionName, "Contact us " + id), (JourneysColumns.FormSubmissionPageUrl, "https://contoso.com/contact"),
            (JourneysColumns.FormSubmissionEmail, "Jane.Doe@contoso.com")))!;

        // Off by default: the flow runs and records nothing.
        Submit("1");
        Run(Flows.RecordFormSubmissions, fired.Last());
        Assert.Empty(s.Org.GetRows(InteractionColumns.Table));

        s.SetEnvironmentVariable(Automation.RecordFormSubmissions.SchemaName, "Yes");
        s.Advance(1);
        var submission = Submit("2");
        Assert.Equal(submission.Id, fired.Last().Id);
        Run(Flows.RecordFormSubmissions, fired.Last());
        Run(Flows.RecordFormSubmissions, fired.Last()); // the platform retries a run: nothing twice

        var interaction = Assert.Single(s.Org.GetRows(InteractionColumns.Table));
        Assert.Equal(InteractionTypeValues.FormSubmitted, interaction.GetAttributeValue<OptionSetValue>(InteractionColumns.Type).Value);
        Assert.Equal(lead, interaction.GetAttributeValue<EntityReference>(InteractionColumns.LeadId).Id);
        Assert.Equal(JourneysColumns.FormsSource, interaction.GetAttributeValue<string>(InteractionColumns.Source));
        Assert.Equal(submission.Id.ToString("D"), interaction.GetAttributeValue<string>(InteractionColumns.ExternalId));
        Assert.Equal("Contact us 2", interaction.GetAttributeValue<string>(InteractionColumns.Name));
        Assert.Equal("https://contoso.com/contact", interaction.GetAttributeValue<string>(InteractionColumns.Url));
        Assert.Equal(25, s.Score(lead));
        Assert.Single(s.Events(lead));
    }

    [Fact]
    public void An_event_check_in_becomes_an_attendance_for_the_contacts_address_and_scores()
    {
        var fired = FlowReplayTests.Subscribe(s, Flows.RecordEventCheckIns);
        s.SetEnvironmentVariable(Automation.RecordEventInteractions.SchemaName, "Yes");
        var lead = s.CreateLead(("lastname", "Lee"), ("emailaddress2", "sam@fabrikam.com"));
        var contact = Journeys(JourneysColumns.ContactTable, ("lastname", "Lee"), (JourneysColumns.ContactEmail, "sam@fabrikam.com"));
        var anonymous = Journeys(JourneysColumns.ContactTable, ("lastname", "Nobody"));
        var summit = Journeys(JourneysColumns.EventTable, (JourneysColumns.EventName, "Scoring Summit 2026"));
        var checkedInAt = ScoringOrganization.Start.AddHours(-2);

        foreach (var who in new[] { contact, anonymous })
        {
            Journeys(JourneysColumns.CheckInTable, (JourneysColumns.CheckInContact, new EntityReference(JourneysColumns.ContactTable, who)),
                (JourneysColumns.CheckInEvent, new EntityReference(JourneysColumns.EventTable, summit)), (JourneysColumns.CheckInTime, checkedInAt));
            Run(Flows.RecordEventCheckIns, fired.Last());
        }

        // The contact without an address records nothing; the other becomes the lead's attendance.
        var interaction = Assert.Single(s.Org.GetRows(InteractionColumns.Table));
        Assert.Equal(InteractionTypeValues.EventAttended, interaction.GetAttributeValue<OptionSetValue>(InteractionColumns.Type).Value);
        Assert.Equal("Scoring Summit 2026", interaction.GetAttributeValue<string>(InteractionColumns.Name));
        Assert.Equal(checkedInAt, interaction.GetAttributeValue<DateTime>(InteractionColumns.OccurredOn));
        Assert.Equal(40, s.Score(lead));
    }

    [Fact]
    public void An_event_registration_is_recorded_as_a_registration()
    {
        var fired = FlowReplayTests.Subscribe(s, Flows.RecordEventRegistrations);
        s.SetEnvironmentVariable(Automation.RecordEventInteractions.SchemaName, "Yes");
        var contact = Journeys(JourneysColumns.ContactTable, ("lastname", "Roe"), (JourneysColumns.ContactEmail, "roe@litware.com"));
        var summit = Journeys(JourneysColumns.EventTable, (JourneysColumns.EventName, "Scoring Summit 2026"));

        Journeys(JourneysColumns.RegistrationTable, (JourneysColumns.RegistrationContactId, new EntityReference(JourneysColumns.ContactTable, contact)),
            (JourneysColumns.RegistrationEventId, new EntityReference(JourneysColumns.EventTable, summit)));
        Run(Flows.RecordEventRegistrations, fired.Last());

        // No lead has the address yet (ls_UnmatchedInteractions is Hold): it waits for one.
        var interaction = Assert.Single(s.Org.GetRows(InteractionColumns.Table));
        Assert.Equal(InteractionTypeValues.EventRegistered, interaction.GetAttributeValue<OptionSetValue>(InteractionColumns.Type).Value);
        Assert.Null(interaction.GetAttributeValue<EntityReference>(InteractionColumns.LeadId));
        Assert.Equal("roe@litware.com", interaction.GetAttributeValue<string>(InteractionColumns.EmailAddress));
    }

    /// <summary>A row Customer Insights - Journeys writes (as SYSTEM), with the steps it queued run.</summary>
    private Guid Journeys(string table, params (string Column, object? Value)[] columns)
    {
        var row = new Entity(table);
        foreach (var (column, value) in columns)
        {
            row[column] = value;
        }

        var id = s.Org.Service.Create(row);
        s.Org.DrainAsyncQueue();
        return id;
    }

    /// <summary>One run of the flow for the row its trigger saw, as Power Automate would run its actions.</summary>
    private void Run(CloudFlow flow, Entity row)
    {
        var definition = FlowReplayTests.Definition(flow);
        var parameters = definition["parameters"]!.AsObject().Where(p => !p.Key.StartsWith('$'))
            .ToDictionary(p => p.Key, p => (object?)EnvironmentVariables.Read(s.Org.Service, (string)p.Value!["metadata"]!["schemaName"]!, (string)p.Value["defaultValue"]!));
        var outputs = new Dictionary<string, Entity>();
        RunActions(definition["actions"]!.AsObject(), row, parameters, outputs);
        s.Org.DrainAsyncQueue();
    }

    private void RunActions(JsonObject actions, Entity row, IReadOnlyDictionary<string, object?> parameters, Dictionary<string, Entity> outputs)
    {
        object? Eval(string text) => Evaluate(text, row, parameters, outputs);
        foreach (var (name, node) in actions)
        {
            var action = node!.AsObject();
            switch ((string)action["type"]!)
            {
                case "If":
                    var equals = action["expression"]!["equals"]!.AsArray();
                    object? left = equals[0] is JsonValue l && l.TryGetValue(out string? lt) ? Eval(lt) : null;
                    object? right = equals[1] is JsonValue r && r.TryGetValue(out bool rb) ? rb : (object?)(string?)equals[1];
                    var branch = Equals(left, right) ? action["actions"] : action["else"]!["actions"];
                    RunActions(branch!.AsObject(), row, parameters, outputs);
                    break;
                case "OpenApiConnection":
                    var inputs = action["inputs"]!["parameters"]!.AsObject();
                    switch ((string)action["inputs"]!["host"]!["operationId"]!)
                    {
                        case "GetItem":
                            string table = (string)inputs["entityName"]! == JourneysColumns.ContactEntitySet ? JourneysColumns.ContactTable : JourneysColumns.EventTable;
                            outputs[name] = s.Org.GetRow(table, (Guid)Eval((string)inputs["recordId"]!)!)!;
                            break;
                        case "PerformUnboundAction":
                            var request = new OrganizationRequest((string)inputs["actionName"]!);
                            foreach (var (key, value) in inputs.Where(p => p.Key.StartsWith("item/", StringComparison.Ordinal)))
                            {
                                request[key["item/".Length..]] = Eval((string)value!) switch { Guid id => id.ToString("D"), var v => v };
                            }

                            s.As(s.Integration).Execute(request); // the user of the flow's connection
                            break;
                        default:
                            throw new InvalidOperationException(name + ": an operation this replay does not know");
                    }

                    break;
                default:
                    throw new InvalidOperationException(name + ": an action type this replay does not know");
            }
        }
    }

    /// <summary>The expression forms the flows use: a trigger column (a lookup's _x_value is its id), a step's output column, a parameter, empty() and coalesce(); anything else is text.</summary>
    private static object? Evaluate(string text, Entity row, IReadOnlyDictionary<string, object?> parameters, Dictionary<string, Entity> outputs)
    {
        if (Empty.Match(text) is { Success: true } empty)
        {
            return Evaluate("@" + empty.Groups[1].Value, row, parameters, outputs) is null or "";
        }

        if (Coalesce.Match(text) is { Success: true } coalesce)
        {
            return Evaluate("@" + coalesce.Groups[1].Value, row, parameters, outputs) ?? Evaluate("@" + coalesce.Groups[2].Value, row, parameters, outputs);
        }

        if (TriggerColumn.Match(text) is { Success: true } trigger)
        {
            string column = trigger.Groups[1].Value;
            return column.StartsWith('_') && column.EndsWith("_value", StringComparison.Ordinal)
                ? row.GetAttributeValue<EntityReference>(column[1..^"_value".Length])?.Id
                : column == row.LogicalName + "id" ? row.Id : row.Contains(column) ? row[column] : null;
        }

        if (StepColumn.Match(text) is { Success: true } step)
        {
            var output = outputs[step.Groups[1].Value];
            return output.Contains(step.Groups[2].Value) ? output[step.Groups[2].Value] : null;
        }

        return Parameter.Match(text) is { Success: true } parameter ? parameters[parameter.Groups[1].Value] : text;
    }
}
