using System;
using System.Collections.Generic;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;

namespace LeadScoring.Tests.Engine;

/// <summary>
/// A lead, its ledger and its state, driven through the pure engine the way the adapters drive it:
/// every result's events are appended to the ledger and its state replaces the lead's.
/// </summary>
internal sealed class LeadTimeline
{
    public static readonly DateTime Start = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly Dictionary<string, Dictionary<string, object?>> records = new();
    private int version;

    public LeadTimeline(ScoringModel? model = null) => Model = model ?? SampleModels.Default;

    public ScoringModel Model { get; set; }

    public string LeadId { get; } = "lead-1";

    public Dictionary<string, object?> Columns { get; } = new();

    public List<ScoreEvent> Ledger { get; } = new();

    public LeadState State { get; private set; } = new();

    /// <summary>The lead's own status (statecode): Disqualify, Qualify and Reactivate change it.</summary>
    public LeadStatus Status { get; private set; } = LeadStatus.Open;

    public int Score => State.Score;

    public ScoringResult Apply(Trigger trigger, DateTime at)
    {
        var result = ScoringEngine.Apply(Model, new LeadSnapshot(LeadId, new Dictionary<string, object?>(Columns), State) { Status = Status }, Ledger, trigger, at);
        Ledger.AddRange(result.NewEvents);
        State = result.State;
        return result;
    }

    public ScoringResult SetColumns(DateTime at, params (string Column, object? Value)[] columns)
    {
        var previous = new Dictionary<string, object?>(Columns);
        foreach (var (column, value) in columns)
        {
            Columns[column] = value;
        }

        return Apply(new Trigger.LeadChanged(new Activity("lead", LeadId, at, new Dictionary<string, object?>(Columns), previous, Next())), at);
    }

    /// <summary>Closes or reopens the lead as Dynamics 365 does (a lead update of statecode), scored like any lead change.</summary>
    public ScoringResult SetStatus(LeadStatus status, DateTime at)
    {
        var reopened = Status != LeadStatus.Open && status == LeadStatus.Open;
        Status = status;
        var columns = new Dictionary<string, object?>(Columns);
        return Apply(new Trigger.LeadChanged(new Activity("lead", LeadId, at, columns, columns, Next())) { Reactivated = reopened }, at);
    }

    /// <summary>Creates (or updates) a record regarding the lead and scores the change.</summary>
    public ScoringResult Record(string table, string id, DateTime at, params (string Column, object? Value)[] columns)
    {
        records.TryGetValue(id, out var before);
        var after = before == null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(before);
        foreach (var (column, value) in columns)
        {
            after[column] = value;
        }

        records[id] = after;
        return Apply(new Trigger.ActivityOccurred(ActivityChange.Of(table, id, at, after, before, before == null ? "create" : Next())), at);
    }

    public ScoringResult Download(string id, DateTime at) => Record("ls_interaction", id, at, ("ls_type", 100000001));

    public ScoringResult SendEmail(string id, DateTime at) => Record("email", id, at, ("directioncode", true), ("statuscode", 3), ("linksclickedcount", 0), ("replycount", 0));

    public ScoringResult ClickEmail(string id, DateTime at) => Record("email", id, at, ("linksclickedcount", 1));

    public ScoringResult HandBack(string reason, DateTime at) => Apply(new Trigger.HandBack(reason), at);

    public ScoringResult Decay(DateTime at) => Apply(new Trigger.DecayDue(), at);

    public int SumOf(Category category) => Ledger.Where(e => e.Category == category).Sum(e => e.Points);

    private string Next() => "v" + (++version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
