using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LeadScoring.Tests.Workbench;

/// <summary>simulate, through the real command line: events replayed by the plug-ins, results as JSON.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    /// <summary>The model of docs/model-format.md (director +20 fit, a download +30, four unclicked emails −30) with decay and hand-back.</summary>
    public const string Model = """
        {"name":"Default","version":1,"salesReadyThreshold":100,"minimumFit":20,"minimumEngagement":30,
         "fitCap":100,"engagementCap":200,"floor":0,
         "grades":{"fitBands":[60,30],"engagementBands":[80,40]},
         "decay":{"inactiveDays":30,"points":5,"everyDays":7,"floor":0},
         "handBack":{"points":40,"marginBelowThreshold":10,"requalifyEngagement":20},
         "rules":[
          {"id":"director","name":"Director-level title","category":"fit","table":"lead",
           "conditions":[{"attribute":"jobtitle","operator":"contains","value":"director"}],"points":20},
          {"id":"whitepaper","name":"Whitepaper download","category":"engagement","table":"ls_interaction",
           "conditions":[{"attribute":"ls_type","operator":"equals","value":100000001}],"points":30,"limit":{"per":"record"}},
          {"id":"cold","name":"Four emails, no click","category":"engagement","kind":"unansweredEmails","count":4,"points":-30}]}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-simulate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_lead_gets_30_for_a_download_and_loses_30_after_four_unclicked_emails()
    {
        var result = Simulate(
            Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe"}}"""),
            Line("2026-05-01T10:00:00Z", """{"op":"create","table":"ls_interaction","id":"d1","attributes":{"ls_name":"Whitepaper","ls_type":"Asset Download","ls_leadid":"john"}}"""),
            Email("2026-05-02T10:00:00Z", "e1", "john"),
            Email("2026-05-03T10:00:00Z", "e2", "john"),
            Email("2026-05-04T10:00:00Z", "e3", "john"),
            Email("2026-05-05T10:00:00Z", "e4", "john"));

        var john = Lead(result, "john");
        Assert.Equal((0, 0, 0, "C3", "Engaged", 0), (Int(john, "score"), Int(john, "fit"), Int(john, "engagement"), Text(john, "grade"), Text(john, "stage"), Int(john, "handBackCount")));
        var events = john.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(new[] { ("whitepaper", 30), ("cold", -30) }, events.Select(e => (e.GetProperty("rule").GetString() ?? "", e.GetProperty("points").GetInt32())));
        Assert.Equal("2026-05-01T10:00:00Z", events[0].GetProperty("at").GetString());
        Assert.Equal("rule", events[1].GetProperty("kind").GetString());
        Assert.Equal("Whitepaper download", events[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void Leads_come_best_first()
    {
        var result = Simulate(new[] { Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe"}}""") }.Concat(SalesReadyMary()).ToArray());

        Assert.Equal(new[] { "mary", "john" }, result.RootElement.GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
    }

    [Fact]
    public void A_hand_back_lands_the_lead_below_the_sales_ready_line()
    {
        var result = Simulate(SalesReadyMary().Append(
            Line("2026-05-07T09:00:00Z", """{"op":"handback","lead":"mary","reason":"No budget this year"}"""))
            .ToArray());

        var mary = Lead(result, "mary");
        Assert.Equal((70, "Recycled", 1), (Int(mary, "score"), Text(mary, "stage"), Int(mary, "handBackCount")));
        var handBack = mary.GetProperty("events").EnumerateArray().Last();
        Assert.Equal(("handBack", -40, "Handed back to marketing: No budget this year"), (handBack.GetProperty("kind").GetString(), handBack.GetProperty("points").GetInt32(), handBack.GetProperty("reason").GetString()));
    }

    [Fact]
    public void Decay_runs_as_of_a_later_date_with_as_of_and_as_a_decay_event()
    {
        string[] lines =
        {
            Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"ann","attributes":{"lastname":"Lee"}}"""),
            Line("2026-05-01T10:00:00Z", """{"op":"create","table":"ls_interaction","id":"d1","attributes":{"ls_type":100000001,"ls_leadid":"ann"}}"""),
            Line("2026-05-01T11:00:00Z", """{"op":"create","table":"ls_interaction","id":"d2","attributes":{"ls_type":"asset download","ls_leadid":"ann"}}"""),
            Line("2026-06-01T00:00:00Z", """{"op":"decay"}"""),
        };

        var atEvent = Lead(Simulate(lines), "ann");
        var later = Lead(Simulate(new[] { "--as-of", "2026-06-14T12:00:00Z" }, lines), "ann");

        Assert.Equal(55, Int(atEvent, "score")); // 31 days inactive: one debit of 5
        Assert.Equal(45, Int(later, "score")); // 44 days: the debits of days 30, 37 and 44
        Assert.Equal(new[] { "No engagement for 30 days", "No engagement for 37 days", "No engagement for 44 days" },
            later.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "decay").Select(e => e.GetProperty("reason").GetString()));
    }

    [Fact]
    public void With_out_the_results_go_to_the_file_and_a_summary_to_the_console()
    {
        string events = Write("events.jsonl", SalesReadyMary());
        string results = Path.Combine(_folder, "results.json");

        var run = WorkbenchCommandTests.Run("simulate", "--model", Write("model.json", Model), "--events", events, "--out", results);

        Assert.Equal((0, ""), (run.Exit, run.Error));
        Assert.Contains("Marketing Qualified", run.Output, StringComparison.Ordinal);
        Assert.Contains("wrote results.json (1 leads)", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(results));
        Assert.Equal(110, json.RootElement.GetProperty("leads")[0].GetProperty("score").GetInt32());
    }

    [Theory]
    [InlineData("{\"at\":\"2026-05-02T09:00:00Z\",\"op\":\"create\",\"table\":\"lead\" \"id\":\"x\"}", "events.jsonl, line 2, column 59: malformed JSON")]
    [InlineData("{\"at\":\"2026-05-02T09:00:00Z\",\"op\":\"delete\",\"table\":\"lead\",\"id\":\"x\"}", "events.jsonl, line 2, column 35: unknown op 'delete'; allowed: create, update, handback, adjust, decay, activate")]
    [InlineData("{\"at\":\"2026-05-02T09:00:00Z\",\"op\":\"create\",\"table\":\"lead\"}", "events.jsonl, line 2, column 1: 'id' is missing")]
    [InlineData("{\"at\":\"2026-04-30T09:00:00Z\",\"op\":\"decay\"}", "events.jsonl, line 2, column 7: 'at' 2026-04-30T09:00:00Z is before 2026-05-01T09:00:00Z on an earlier line; the events must be in time order")]
    [InlineData("{\"at\":\"2026-05-02T09:00:00Z\",\"op\":\"create\",\"table\":\"email\",\"id\":\"e1\",\"attributes\":{\"regardingobjectid\":\"jon\"}}", "events.jsonl, line 2, column 104: 'regardingobjectid' names the lead 'jon', which no earlier line creates")]
    [InlineData("{\"at\":\"2026-05-02T09:00:00Z\",\"op\":\"create\",\"table\":\"ls_interaction\",\"id\":\"i1\",\"attributes\":{\"ls_type\":\"Download\"}}", "'ls_type' has no choice 'Download'; allowed: Page visit (100000000), Asset download (100000001)")]
    [InlineData("{\"at\":\"2026-05-02T09:00:00Z\",\"op\":\"update\",\"table\":\"lead\",\"id\":\"john\",\"attributes\":{\"jobtilte\":\"CEO\"}}", "unknown column 'jobtilte' of lead; known: ")]
    [InlineData("{\"at\":\"2026-05-02T09:00:00Z\",\"op\":\"update\",\"table\":\"lead\",\"id\":\"jane\",\"attributes\":{}}", "events.jsonl, line 2, column 64: update of lead 'jane', which no earlier line creates")]
    [InlineData("{\"at\":\"yesterday\",\"op\":\"decay\"}", "events.jsonl, line 2, column 7: 'at' must be an ISO-8601 date and time")]
    [InlineData("{\"at\":\"2026-05-02T09:00:00Z\",\"op\":\"adjust\",\"lead\":\"john\",\"points\":0,\"reason\":\"x\"}", "'points' must be a whole number from -10000 to 10000, not 0")]
    public void Bad_events_are_one_line_naming_the_file_and_line(string line, string expected)
    {
        string events = Write("events.jsonl", Line("2026-05-01T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe"}}"""), line);

        var run = WorkbenchCommandTests.Run("simulate", "--model", Write("model.json", Model), "--events", events);

        Assert.Equal(1, run.Exit);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.StartsWith("leadscoring: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public void As_of_before_the_last_event_and_a_model_the_product_refuses_are_one_line_each()
    {
        string events = Write("events.jsonl", SalesReadyMary());
        string refused = Write("refused.json", Model.Replace("\"minimumFit\":20", "\"minimumFit\":-20", StringComparison.Ordinal));

        var early = WorkbenchCommandTests.Run("simulate", "--model", Write("model.json", Model), "--events", events, "--as-of", "2026-01-01T00:00:00Z");
        var invalid = WorkbenchCommandTests.Run("simulate", "--model", refused, "--events", events);
        var missing = WorkbenchCommandTests.Run("simulate", "--model", Write("model.json", Model), "--events", Path.Combine(_folder, "none.jsonl"));

        Assert.Equal((1, "leadscoring: --as-of 2026-01-01T00:00:00Z is before the last event of events.jsonl (2026-05-06T13:00:00Z)\n"), (early.Exit, early.Error.Replace("\r", "", StringComparison.Ordinal)));
        Assert.Equal(1, invalid.Exit);
        Assert.StartsWith("leadscoring: refused.json: the product would refuse this model: Model: minimumFit must be between 0 and 10000; got -20.", invalid.Error, StringComparison.Ordinal);
        Assert.EndsWith("none.jsonl: file not found", missing.Error.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void After_an_activate_line_every_lead_is_what_the_new_model_predicts_lead_by_lead()
    {
        // Version 2 drops the unanswered-emails debit, counts webinars and makes a whitepaper worth 20.
        string revised = Write("model-v2.json", Model.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal)
            .Replace("\"points\":30,\"limit\"", "\"points\":20,\"limit\"", StringComparison.Ordinal)
            .Replace("""{"id":"cold","name":"Four emails, no click","category":"engagement","kind":"unansweredEmails","count":4,"points":-30}""",
                """{"id":"webinar","name":"Webinar attended","category":"engagement","table":"ls_interaction","conditions":[{"attribute":"ls_type","operator":"equals","value":100000004}],"points":25,"limit":{"per":"record"}}""", StringComparison.Ordinal));
        string[] history = SalesReadyMary().Concat(new[]
        {
            Line("2026-05-07T09:00:00Z", """{"op":"create","table":"lead","id":"john","attributes":{"lastname":"Doe"}}"""),
            Line("2026-05-07T10:00:00Z", """{"op":"create","table":"ls_interaction","id":"j1","attributes":{"ls_type":"Asset Download","ls_leadid":"john"}}"""),
            Line("2026-05-07T11:00:00Z", """{"op":"create","table":"ls_interaction","id":"j2","attributes":{"ls_type":"Webinar attendance","ls_leadid":"john"}}"""),
            Email("2026-05-08T10:00:00Z", "e1", "john"),
            Email("2026-05-09T10:00:00Z", "e2", "john"),
            Email("2026-05-10T10:00:00Z", "e3", "john"),
            Email("2026-05-11T10:00:00Z", "e4", "john"),
            Line("2026-05-12T09:00:00Z", """{"op":"handback","lead":"mary","reason":"No budget this year"}"""),
            Line("2026-05-12T10:00:00Z", """{"op":"adjust","lead":"john","points":15,"reason":"Met at the trade show"}"""),
        }).ToArray();
        string[] activated = history.Append(Line("2026-05-13T09:00:00Z", """{"op":"activate","model":"model-v2.json"}""")).ToArray();

        var predicted = Run("--model", revised, "--events", Write("history.jsonl", history), "--as-of", "2026-05-13T09:00:00Z");
        var org = Run("--model", Write("model.json", Model), "--events", Write("activated.jsonl", activated));

        foreach (var id in new[] { "mary", "john" })
        {
            var expected = Lead(predicted, id);
            var actual = Lead(org, id);
            foreach (var column in new[] { "score", "fit", "engagement", "handBackCount" })
            {
                Assert.True(Int(expected, column) == Int(actual, column), $"{id} {column}: predicted {Int(expected, column)}, after activation {Int(actual, column)}");
            }

            Assert.Equal((Text(expected, "grade"), Text(expected, "stage")), (Text(actual, "grade"), Text(actual, "stage")));
            foreach (var rule in new[] { "whitepaper", "webinar", "cold" })
            {
                Assert.True(RulePoints(expected, rule) == RulePoints(actual, rule), $"{id} {rule}: predicted {RulePoints(expected, rule)}, after activation {RulePoints(actual, rule)}");
            }
        }

        Assert.Equal(20 + 25 + 15, Int(Lead(org, "john"), "score")); // a download at 20, the webinar, the adjustment; the email debit is gone
        Assert.Equal("Recycled", Text(Lead(org, "mary"), "stage"));
    }

    private JsonDocument Run(params string[] arguments)
    {
        var run = WorkbenchCommandTests.Run(new[] { "simulate" }.Concat(arguments).ToArray());
        Assert.Equal((0, ""), (run.Exit, run.Error));
        return JsonDocument.Parse(run.Output);
    }

    private static int RulePoints(JsonElement lead, string rule) =>
        lead.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("rule").GetString() == rule).Sum(e => e.GetProperty("points").GetInt32());

    /// <summary>One line of an events file: "at" first, then the fields of <paramref name="json"/> (an object).</summary>
    internal static string Line(string at, string json) => $"{{\"at\":\"{at}\",{json[1..]}";

    internal static string Email(string at, string id, string lead) =>
        Line(at, "{\"op\":\"create\",\"table\":\"email\",\"id\":\"" + id + "\",\"attributes\":{\"subject\":\"Hello\",\"directioncode\":\"Outgoing\",\"statuscode\":\"Sent\",\"regardingobjectid\":\"" + lead + "\"}}");

    /// <summary>Mary: director (20 fit) with three downloads (90 engagement), so 110 and Marketing Qualified.</summary>
    internal static string[] SalesReadyMary() => new[]
    {
        Line("2026-05-06T09:00:00Z", """{"op":"create","table":"lead","id":"mary","attributes":{"lastname":"Major","jobtitle":"Director of IT"}}"""),
        Line("2026-05-06T11:00:00Z", """{"op":"create","table":"ls_interaction","id":"d1","attributes":{"ls_type":"Asset Download","ls_leadid":"mary"}}"""),
        Line("2026-05-06T12:00:00Z", """{"op":"create","table":"ls_interaction","id":"d2","attributes":{"ls_type":"Asset Download","ls_leadid":"mary"}}"""),
        Line("2026-05-06T13:00:00Z", """{"op":"create","table":"ls_interaction","id":"d3","attributes":{"ls_type":"Asset Download","ls_leadid":"mary"}}"""),
    };

    private JsonDocument Simulate(params string[] lines) => Simulate(Array.Empty<string>(), lines);

    private JsonDocument Simulate(string[] options, string[] lines)
    {
        var run = WorkbenchCommandTests.Run(new[] { "simulate", "--model", Write("model.json", Model), "--events", Write("events.jsonl", lines) }.Concat(options).ToArray());
        Assert.Equal((0, ""), (run.Exit, run.Error));
        return JsonDocument.Parse(run.Output);
    }

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static JsonElement Lead(JsonDocument result, string id) =>
        result.RootElement.GetProperty("leads").EnumerateArray().Single(l => l.GetProperty("id").GetString() == id);

    private static int Int(JsonElement lead, string name) => lead.GetProperty(name).GetInt32();

    private static string? Text(JsonElement lead, string name) => lead.GetProperty(name).GetString();
}
