using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using LeadScoring.Dataverse;
using LeadScoring.Emulator;
using LeadScoring.Tests.Plugins;

namespace LeadScoring.Tests.Reliability;

/// <summary>Who may change what. The emulator does not evaluate security roles, so a missing privilege is injected as the platform reports it.</summary>
public class SecurityTests
{
    /// <summary>0x80040220: the principal user is missing a privilege.</summary>
    private const int PrivilegeDenied = -2147220960;

    [Fact]
    public void A_hand_back_checks_the_caller_may_change_the_lead_and_writes_nothing_when_not()
    {
        var org = new ScoringOrganization();
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        var before = org.Lead(lead).Attributes.Count;
        org.Org.FailCalls(call => call.UserId == org.SalesRep && call.MessageName == "Update" && call.Table == LeadColumns.Table, Faults.Create(PrivilegeDenied, "Principal user is missing prvWriteLead privilege."));

        var error = Assert.ThrowsAny<Exception>(() => org.Call(CustomApi.HandBackLead, lead, org.SalesRep, (CustomApi.Reason, "Not interested")));

        Assert.Contains("missing prvWriteLead privilege", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, org.Lead(lead).GetAttributeValue<int>(LeadColumns.HandBackCount));
        Assert.Equal(20, org.Score(lead));
        Assert.Single(org.Events(lead));
        Assert.Equal(before, org.Lead(lead).Attributes.Count);
    }

    [Fact]
    public void Scoring_writes_score_columns_as_SYSTEM_whoever_caused_the_change()
    {
        var org = new ScoringOrganization();
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));

        // Score columns are field-secured: a sales rep's own service could not write them.
        Assert.Equal(org.Org.SystemUserId, org.Lead(lead).GetAttributeValue<Microsoft.Xrm.Sdk.EntityReference>("modifiedby").Id);
    }

    [Fact]
    public void The_Custom_APIs_declare_the_privilege_they_need()
    {
        var config = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "pac-config.json"));
        foreach (var api in new[] { CustomApi.HandBackLead, CustomApi.RecalculateLeadScore, CustomApi.AdjustLeadScore, CustomApi.ExplainLeadScore, CustomApi.ApplyScoreDecay })
        {
            Assert.Matches("\"uniqueName\": \"" + api + "\"[^}]*?\"executePrivilegeName\": \"prv\\w+\"", config);
        }
    }

    [Fact]
    public void No_connection_string_or_secret_is_committed()
    {
        var secret = new Regex(@"(ClientSecret|Password|SharedAccessKey|AccountKey)\s*=\s*(?!<|\{|\$|\.\.\.|""|'|your)[^;\s""']{6,}", RegexOptions.IgnoreCase);
        var files = Directory.EnumerateFiles(RepositoryRoot.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains("node_modules", StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + ".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && new[] { ".cs", ".json", ".md", ".ts", ".xml", ".sh", ".props", ".csproj", ".yml" }.Contains(Path.GetExtension(f)));

        var leaks = files.Where(f => secret.IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(RepositoryRoot.Path, f)).ToList();

        Assert.Empty(leaks);
    }
}
