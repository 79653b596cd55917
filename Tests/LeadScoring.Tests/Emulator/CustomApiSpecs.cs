using System;
using System.Linq;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    // Custom APIs: an OrganizationRequest named after the API runs its plug-in with typed parameters.
    // Learn: https://learn.microsoft.com/power-apps/developer/data-platform/custom-api
    //        https://learn.microsoft.com/power-apps/developer/data-platform/custom-api-tables (parameter types)
    public class CustomApiSpecs
    {
        private readonly EmulatedOrganization org = Orgs.With("customapi.json");
        private readonly Guid lead;

        public CustomApiSpecs() => lead = org.Service.Create(new Entity("lead") { ["ls_score"] = 50 });

        private OrganizationRequest HandBack(string? reason, object? points = null)
        {
            var request = new OrganizationRequest("ls_HandBackSample") { ["Target"] = new EntityReference("lead", lead) };
            if (reason != null)
            {
                request["Reason"] = reason;
            }
            if (points != null)
            {
                request["Points"] = points;
            }
            return request;
        }

        [Fact]
        public void A_request_named_after_the_API_runs_its_plug_in_and_returns_the_output_parameters_as_results()
        {
            var response = org.Service.Execute(HandBack("Not ready", points: 15));

            Assert.Equal(35, response.Results["Score"]);
            Assert.Equal(35, org.GetRow("lead", lead)!["ls_score"]);
            Assert.Equal("Not ready", org.GetRow("lead", lead)!["ls_handbackreason"]);
        }

        [Fact]
        public void The_plug_in_sees_the_API_as_the_message_the_bound_row_as_primary_entity_and_runs_as_the_main_operation()
        {
            org.Service.Execute(HandBack("Not ready"));

            var main = org.Executions.Single(e => e.StepName == "ls_HandBackSample").Context;
            Assert.Equal("ls_HandBackSample", main.MessageName);
            Assert.Equal(30, main.Stage);
            Assert.Equal("lead", main.PrimaryEntityName);
            Assert.Equal(lead, main.PrimaryEntityId);
            Assert.True(main.IsInTransaction);
            Assert.Equal(new[] { "ls_HandBackSample", "after hand-back" }, org.Executions.Where(e => e.MessageName == "ls_HandBackSample").Select(e => e.StepName));
        }

        [Fact]
        public void An_optional_parameter_may_be_left_out()
        {
            Assert.Equal(40, org.Service.Execute(HandBack("Not ready")).Results["Score"]);
        }

        [Fact]
        public void A_missing_required_parameter_an_unknown_parameter_or_a_wrong_type_fails_with_InvalidArgument_before_the_plug_in_runs()
        {
            Assert.Contains("Reason", Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(HandBack(null))).Detail.Message, StringComparison.Ordinal);
            var unknown = HandBack("x");
            unknown["Reasons"] = "typo";
            Assert.Contains("Reasons", Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(unknown)).Detail.Message, StringComparison.Ordinal);
            Assert.Contains("Integer", Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(HandBack("x", points: "15"))).Detail.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(org.Executions, e => e.StepName == "ls_HandBackSample");
        }

        [Fact]
        public void A_bound_API_needs_a_Target_of_its_table()
        {
            var request = new OrganizationRequest("ls_HandBackSample") { ["Target"] = new EntityReference("contact", Guid.NewGuid()), ["Reason"] = "x" };
            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(request));
        }

        [Fact]
        public void A_wrongly_typed_output_fails_the_call_and_rolls_back_what_the_plug_in_wrote()
        {
            Orgs.AssertFault(ErrorCodes.InvalidArgument, () => org.Service.Execute(HandBack("bad output")));
            Assert.Equal(50, org.GetRow("lead", lead)!["ls_score"]);
        }

        [Fact]
        public void A_message_that_is_not_a_registered_Custom_API_is_refused()
        {
            Assert.Throws<NotSupportedException>(() => org.Service.Execute(new OrganizationRequest("ls_NotRegistered")));
        }
    }
}
