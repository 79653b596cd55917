using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // Behavior of specialized update operations: an Update that sets statecode/statuscode together with
    // other columns runs the Update plug-ins of PreOperation and PostOperation twice, once for the other
    // columns and once for the state and status; PreValidation sees the whole change once.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/special-update-operation-behavior
    public class SpecializedUpdateSpecs
    {
        private const string Config = """
            { "steps": [
              { "name": "pre-validation", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Update", "table": "lead", "stage": 10, "mode": "Sync" },
              { "name": "post", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Update", "table": "lead", "stage": 40, "mode": "Sync",
                "images": [ { "name": "PreImage", "type": "Pre", "attributes": [] }, { "name": "PostImage", "type": "Post", "attributes": [] } ] },
              { "name": "async", "plugin": "LeadScoring.Tests.Emulator.Samples.RecordingPlugin", "message": "Update", "table": "lead", "stage": 40, "mode": "Async" }
            ] }
            """;

        private readonly EmulatedOrganization org = new();

        public SpecializedUpdateSpecs() => org.LoadPacConfigJson(Config, typeof(SpecializedUpdateSpecs).Assembly);

        [Fact]
        public void An_update_of_state_and_other_columns_runs_the_update_stages_twice_others_first()
        {
            var id = org.Service.Create(new Entity("lead") { ["lastname"] = "Doe" });

            org.Service.Update(new Entity("lead", id) { ["jobtitle"] = "Director", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });

            var validation = Assert.Single(org.Executions, e => e.StepName == "pre-validation");
            Assert.Equal(new[] { "jobtitle", "statecode", "statuscode" }, Target(validation).Attributes.Keys.Where(k => k != "leadid").OrderBy(k => k));
            var posts = org.Executions.Where(e => e.StepName == "post").ToList();
            Assert.Equal(2, posts.Count);
            Assert.Equal(new[] { "jobtitle" }, Target(posts[0]).Attributes.Keys.Where(k => k != "leadid"));
            Assert.Equal(new[] { "statecode", "statuscode" }, Target(posts[1]).Attributes.Keys.Where(k => k != "leadid").OrderBy(k => k));
            Assert.Equal(0, posts[0].Context.PostEntityImages["PostImage"].GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal("Director", posts[1].Context.PreEntityImages["PreImage"]["jobtitle"]);
            Assert.Equal(2, posts[1].Context.PostEntityImages["PostImage"].GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(2, org.PendingJobs.Count(j => j.StepName == "async"));
        }

        [Fact]
        public void An_update_of_state_alone_or_of_other_columns_alone_runs_once()
        {
            var id = org.Service.Create(new Entity("lead") { ["lastname"] = "Doe" });

            org.Service.Update(new Entity("lead", id) { ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(4) });
            org.Service.Update(new Entity("lead", id) { ["jobtitle"] = "Director" });

            Assert.Equal(2, org.Executions.Count(e => e.StepName == "post"));
        }

        private static Entity Target(PluginExecution execution) => (Entity)execution.Context.InputParameters["Target"];
    }
}
