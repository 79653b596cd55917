using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Tests.Plugins;
using LeadScoring.Workbench;
using LeadScoring.Workbench.Connection;
using LeadScoring.Workbench.Interactions;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Workbench;

/// <summary>
/// interactions import against the emulator: 10,000 rows through ls_RecordInteraction in
/// ExecuteMultiple batches, with rows the file repeats, rows no lead matches, rows the product refuses
/// and a stop half-way that a second run resumes.
/// </summary>
public sealed class InteractionImportTests : IDisposable
{
    private const int Leads = 100;
    private const int Rows = 10_000;

    private const string MappingJson = """
        {
          "source": "webinar-platform",
          "columns": { "ExternalId": "id", "Type": "activity", "OccurredOn": "when", "EmailAddress": "email", "Name": "title", "DurationSeconds": "seconds" },
          "types": { "download": "Asset download", "visit": "Page visit" },
          "extraColumns": { "ls_campaigncode": "campaign" }
        }
        """;

    private readonly ScoringOrganization _org = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-import-").FullName;
    private readonly List<TimeSpan> _waits = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ImportMapping Mapping(string json = MappingJson)
    {
        using var document = JsonDocument.Parse(json);
        return ImportMapping.Parse(document.RootElement, "mapping.json");
    }

    /// <summary>Row k: every 50th repeats the row before it, every 71st is for an address no lead has, every 89th an unknown type, every 97th a date that is not one.</summary>
    private static (string Csv, int Recorded, int Duplicates, int Unmatched, int Refused) File10k()
    {
        var csv = new StringBuilder("id,activity,when,email,title,seconds,campaign\n");
        int recorded = 0, duplicates = 0, unmatched = 0, refused = 0;
        var start = ScoringOrganization.Start.AddDays(-30);
        for (int k = 1; k <= Rows; k++)
        {
            bool repeat = k % 50 == 0;
            int row = repeat ? k - 1 : k;
            string activity = row % 89 == 0 ? "webinar" : row % 2 == 0 ? "download" : "visit";
            string when = row % 97 == 0 ? "yesterday" : start.AddMinutes(row).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            string email = row % 71 == 0 ? $"visitor{row}@unknown.example" : $"lead{row % Leads}@contoso.example";
            csv.Append(CultureInfo.InvariantCulture, $"x{row},{activity},{when},{email},\"Page {row}, part 1\",{row % 300},Q{row % 4}\n");
            bool bad = row % 89 == 0 || row % 97 == 0;
            if (bad)
            {
                refused++; // a repeated refused row is refused again
            }
            else if (repeat)
            {
                duplicates++;
            }
            else if (row % 71 == 0)
            {
                unmatched++;
            }
            else
            {
                recorded++;
            }
        }

        return (csv.ToString(), recorded, duplicates, unmatched, refused);
    }

    private InteractionImport Import(ImportMapping? mapping = null) =>
        new(new RetryingOrganizationService(_org.As(_org.Integration), wait: _waits.Add), mapping ?? Mapping(), "interactions.csv")
        {
            AfterBatch = () => _org.Org.DrainAsyncQueue(),
        };

    [Fact]
    public void Ten_thousand_rows_import_with_duplicates_unmatched_and_bad_rows_reported_and_a_stopped_import_resumes()
    {
        for (int i = 0; i < Leads; i++)
        {
            _org.CreateLead(("lastname", "Lead " + i), (LeadColumns.EmailAddresses[0], $"lead{i}@contoso.example"));
        }

        var (csv, recorded, duplicates, unmatched, refused) = File10k();
        string state = Path.Combine(_folder, "state.json");
        string refusedFile = Path.Combine(_folder, "refused.csv");

        // Two throttled batches are sent again after the wait; the 40th batch fails for good: the import stops.
        int batches = 0;
        _org.Org.FailCalls(call => call.MessageName == "ExecuteMultiple" && ++batches is 3 or 4,
            ScoringJobsTests.Throttled(ServiceProtection.RequestsExceeded, TimeSpan.FromSeconds(5)));
        _org.Org.FailCalls(call => call.MessageName == "ExecuteMultiple" && batches == 42, Faults.Create(unchecked((int)0x80040216), "Generic SQL error."), times: 1);
        var stopped = Assert.Throws<JobStoppedException>(() => Import().Run(csv, 100, state, refusedFile));
        Assert.Equal(3900, stopped.Done);
        Assert.True(File.Exists(state));
        Assert.Equal(new[] { TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5) }, _waits);

        var summary = Import().Run(csv, 100, state, refusedFile);

        Assert.Equal(3900, summary.ResumedAfter);
        Assert.Equal(new ImportSummary(Rows, recorded, duplicates, unmatched, 0, refused, 3900), summary);
        Assert.False(File.Exists(state));

        // What the org holds: one interaction per distinct valid row, each matched one scored once.
        var interactions = _org.Org.GetRows(InteractionColumns.Table);
        Assert.Equal(recorded + unmatched, interactions.Count);
        Assert.Equal(unmatched, interactions.Count(i => i.GetAttributeValue<EntityReference>(InteractionColumns.LeadId) == null));
        Assert.All(interactions, i => Assert.StartsWith("Q", i.GetAttributeValue<string>("ls_campaigncode"), StringComparison.Ordinal));
        var events = _org.Org.GetRows(ScoreEventColumns.Table);
        Assert.Equal(events.Select(e => e.GetAttributeValue<string>(ScoreEventColumns.IdempotencyKey)).Distinct().Count(), events.Count);
        Assert.All(_org.Org.GetRows(LeadColumns.Table), lead => Assert.Equal(_org.SumOfEvents(lead.Id), _org.Score(lead.Id)));

        // Every refused row is in the refused file with the product's reason.
        var lines = File.ReadAllLines(refusedFile);
        Assert.Equal("line,externalid,reason", lines[0]);
        Assert.Equal(refused, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("90,x89,\"Type 'webinar' is not an interaction type; allowed: Page visit,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l == "98,x97,OccurredOn 'yesterday' is not a date and time such as 2026-05-01T09:30:00Z.");
    }

    [Fact]
    public void A_state_file_of_another_file_is_not_resumed()
    {
        string state = Path.Combine(_folder, "state.json");
        File.WriteAllText(state, JsonSerializer.Serialize(new { Fingerprint = "ABC", Summary = ImportSummary.Empty with { Rows = 5 } }));

        var e = Assert.Throws<WorkbenchException>(() => Import().Run("id,activity,when,email,title,seconds,campaign\n", 100, state, Path.Combine(_folder, "r.csv")));

        Assert.Equal("state.json belongs to an earlier import of a different file; delete it to import this one from the start", e.Message);
    }

    [Theory]
    [InlineData("{ \"source\": \"s\", \"columns\": { \"Type\": \"a\", \"ExternalId\": \"id\", \"Email\": \"e\", \"Name\": \"t\" } }", "mapping.json: columns: 'Email' is not a parameter of ls_RecordInteraction; allowed: Type, Source, ExternalId, OccurredOn, Name, Url, LeadId, EmailAddress, LeadSource, DurationSeconds")]
    [InlineData("{ \"source\": \"s\", \"columns\": { \"Type\": \"a\", \"EmailAddress\": \"e\", \"Name\": \"t\" } }", "mapping.json: columns must map ExternalId (the source's own id of each interaction: what makes a second import record nothing twice)")]
    [InlineData("{ \"columns\": { \"Type\": \"a\", \"ExternalId\": \"id\", \"EmailAddress\": \"e\", \"Name\": \"t\" } }", "mapping.json: columns must map Source or give \"source\" for every row")]
    [InlineData("{ \"source\": \"s\", \"type\": \"Page visit\", \"columns\": { \"ExternalId\": \"id\", \"Name\": \"t\" } }", "mapping.json: columns must map EmailAddress or LeadId (who interacted)")]
    [InlineData("{ \"source\": \"s\", \"type\": \"Page visit\", \"columns\": { \"ExternalId\": \"id\", \"EmailAddress\": \"e\", \"Name\": \"t\" }, \"extra\": {} }", "mapping.json: unknown field 'extra'; allowed: source, type, columns, types, extraColumns")]
    public void A_mapping_mistake_is_one_line(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<WorkbenchException>(() => Mapping(json)).Message);
    }

    [Fact]
    public void A_column_the_mapping_names_must_be_in_the_header()
    {
        var e = Assert.Throws<WorkbenchException>(() => Import().Run("id,activity,when,mail,title,seconds,campaign\n", 100, null, Path.Combine(_folder, "r.csv")));

        Assert.Equal("interactions.csv: the mapping names 'email', which the header does not have (it has id, activity, when, mail, title, seconds, campaign)", e.Message);
    }

    [Fact]
    public void The_command_imports_into_the_emulator_after_replaying_a_history_and_prints_the_summary()
    {
        string events = Path.Combine(_folder, "events.jsonl");
        File.WriteAllText(events, """
            {"at":"2026-01-05T09:00:00Z","op":"create","table":"lead","id":"ann","attributes":{"lastname":"Ann","emailaddress1":"ann@contoso.example"}}
            """);
        string csv = Path.Combine(_folder, "interactions.csv");
        File.WriteAllText(csv, "id,activity,when,email,title,seconds,campaign\n" +
            "w1,download,2026-01-06T10:00:00Z,ann@contoso.example,Pricing guide,,Q1\n" +
            "w1,download,2026-01-06T10:00:00Z,ann@contoso.example,Pricing guide,,Q1\n" +
            "w2,visit,2026-01-06T10:05:00Z,bob@contoso.example,Pricing,30,Q1\n" +
            "w3,visit,2026-01-06T10:06:00Z,ann@contoso.example,Pricing,soon,Q1\n");
        string mapping = Path.Combine(_folder, "mapping.json");
        File.WriteAllText(mapping, MappingJson);
        string model = Path.Combine(_folder, "model.json");
        LeadScoring.Workbench.ModelFiles.ModelFile.Write(Engine.SampleModels.Default, model);

        var (exit, output, error) = WorkbenchCommandTests.Run("interactions", "import", "--csv", csv, "--mapping", mapping, "--emulator", "--model", model, "--events", events);

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Matches(@"recorded \(matched to a lead\)\s+│\s+1 ", output);
        Assert.Matches(@"unmatched \(waiting for a lead with the address\)\s+│\s+1 ", output);
        Assert.Matches(@"duplicates \(recorded before: nothing written\)\s+│\s+1 ", output);
        Assert.Contains("refused: line 5,w3,DurationSeconds 'soon' is not a whole number.", output, StringComparison.Ordinal);
        Assert.Matches(@"Imported 4 rows in \d+\.\d s \(\d+ rows/s; 0 requests sent again after throttling\)\.", output);
    }

    [Fact]
    public void The_sample_of_docs_integrations_imports_as_the_doc_shows()
    {
        string samples = Path.Combine(RepositoryRoot.Path, "samples");
        string csv = Path.Combine(_folder, "trade-show.csv");
        File.Copy(Path.Combine(samples, "interactions", "trade-show.csv"), csv);

        var (exit, output, error) = WorkbenchCommandTests.Run("interactions", "import", "--csv", csv, "--mapping", Path.Combine(samples, "interactions", "trade-show.mapping.json"),
            "--emulator", "--model", Path.Combine(samples, "demo", "model.json"), "--events", Path.Combine(samples, "demo", "events.jsonl"));

        Assert.Equal((0, ""), (exit, error));
        string doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "integrations.md"));
        foreach (var line in output.Split('\n').Where(l => l.StartsWith('│') || l.StartsWith("  refused:", StringComparison.Ordinal)))
        {
            Assert.Contains(line.TrimEnd(), doc, StringComparison.Ordinal);
        }

        Assert.Contains("refused: line 10,TS26-0008,EmailAddress 'dana.tanaka@iron' is not an email address.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_needs_an_org_or_the_emulator()
    {
        string mapping = Path.Combine(_folder, "mapping.json");
        File.WriteAllText(mapping, MappingJson);
        string csv = Path.Combine(_folder, "interactions.csv");
        File.WriteAllText(csv, "id,activity,when,email,title,seconds,campaign\n");

        var (exit, _, error) = WorkbenchCommandTests.Run("interactions", "import", "--csv", csv, "--mapping", mapping);

        Assert.Equal(1, exit);
        Assert.Equal("leadscoring: interactions import: give either a connection (--connection-file, --connection or LEADSCORING_CONNECTION) or --emulator" + Environment.NewLine, error);
    }
}
