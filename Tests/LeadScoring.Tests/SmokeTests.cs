namespace LeadScoring.Tests;

public class SmokeTests
{
    [Fact]
    public void The_plugin_assembly_loads() => Assert.Equal("LeadScoring.Plugins", typeof(LeadScoring.Engine.ScoringModel).Assembly.GetName().Name);
}
