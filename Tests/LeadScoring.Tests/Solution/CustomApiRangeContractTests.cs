using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.SolutionTool;
using LeadScoring.Tests.Plugins;
using LeadScoring.Tests.Sdk;

namespace LeadScoring.Tests.Solution;

/// <summary>
/// The ranges pac-config.json declares on Custom API request parameters are the ones the server enforces.
/// The web resources' tests check every request they build against the same declarations
/// (WebResources/test/contract), so a client and the server cannot drift apart on a range again.
/// </summary>
public class CustomApiRangeContractTests
{
    private static readonly PacConfigFile Config = PacConfigFile.Read(Path.Combine(RepositoryRoot.Path, "pac-config.json"));

    public static IEnumerable<object[]> IntegerRanges() =>
        from api in Config.CustomApis
        from p in api.RequestParameters
        where p.Minimum.HasValue || p.Maximum.HasValue
        select new object[] { api.UniqueName, p.Name, p.Minimum!.Value, p.Maximum!.Value };

    [Fact]
    public void The_ranges_the_web_resources_rely_on_are_declared()
    {
        Assert.Contains(IntegerRanges(), r => (string)r[0] == CustomApi.ExplainLeadScore && (string)r[1] == "Top");
        var reason = Config.CustomApis.Single(a => a.UniqueName == CustomApi.HandBackLead).RequestParameters.Single(p => p.Name == "Reason");
        Assert.Equal(500, reason.MaxLength);
    }

    [Theory]
    [MemberData(nameof(IntegerRanges))]
    public void An_integer_parameter_takes_both_ends_of_its_declared_range_and_nothing_outside(string api, string parameter, int minimum, int maximum)
    {
        Assert.True(minimum <= maximum, $"{api}.{parameter}: minimum {minimum} > maximum {maximum}");
        var org = new ScoringOrganization();
        var lead = org.CreateLead(("lastname", "Doe"), ("jobtitle", "Director"));
        Guid? bound = Config.CustomApis.Single(a => a.UniqueName == api).BindingType == "Entity" ? lead : null;

        foreach (var accepted in new[] { minimum, maximum })
        {
            org.Call(api, bound, org.Admin, (parameter, accepted));
        }

        foreach (var refused in new[] { (long)minimum - 1, (long)maximum + 1 }.Where(v => v >= int.MinValue && v <= int.MaxValue))
        {
            var error = Assert.ThrowsAny<Exception>(() => org.Call(api, bound, org.Admin, (parameter, (int)refused)));
            Assert.Contains($"{parameter} must be between {minimum} and {maximum}; got {refused}", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_string_parameter_longer_than_its_declared_maximum_is_refused()
    {
        foreach (var (api, p) in from a in Config.CustomApis from p in a.RequestParameters where p.MaxLength.HasValue select (a.UniqueName, p))
        {
            var org = new ScoringOrganization();
            var lead = org.CreateLead(("lastname", "Doe"));

            var error = Assert.ThrowsAny<Exception>(() => org.Call(api, lead, org.Admin, (p.Name, new string('x', p.MaxLength!.Value + 1))));

            Assert.Contains($"at most {p.MaxLength}", error.Message, StringComparison.Ordinal);
        }
    }
}
