using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>SdkMessageProcessingSteps/{id}.xml: a plug-in step and its images.</summary>
    public static class StepXml
    {
        // SDK message ids are the same in every Dataverse environment ("Use messages with the SDK for .NET"
        // lists them: https://learn.microsoft.com/power-apps/developer/data-platform/org-service/use-messages).
        public static readonly IReadOnlyDictionary<string, Guid> MessageIds = new Dictionary<string, Guid>
        {
            ["Create"] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["Update"] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["Delete"] = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
            ["Merge"] = new("dbbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        };

        public static XElement Render(StepEntry step, SolutionInputs inputs)
        {
            if (!MessageIds.TryGetValue(step.Message, out var messageId))
            {
                throw new SolutionToolException($"Step '{step.Name}': message {step.Message} has no known sdkmessageid.");
            }

            var element = new XElement("SdkMessageProcessingStep",
                new XAttribute("Name", step.Name),
                new XAttribute("SdkMessageProcessingStepId", Braced(step.Id)),
                XsiAttribute(),
                new XElement("SdkMessageId", messageId.ToString("D")),
                new XElement("PluginTypeName", step.Plugin + ", " + inputs.AssemblyFullName),
                new XElement("PluginTypeId", inputs.PluginTypeId(step.Plugin).ToString("D")),
                new XElement("PrimaryEntity", step.Table),
                // Successful asynchronous jobs are deleted, so the system job table does not fill up.
                new XElement("AsyncAutoDelete", Bit(IsAsync(step))),
                new XElement("Description", step.Name));
            if (step.UnsecureConfiguration != null)
            {
                element.Add(new XElement("Configuration", step.UnsecureConfiguration));
            }

            if (step.FilteringAttributes.Count > 0)
            {
                element.Add(new XElement("FilteringAttributes", string.Join(",", step.FilteringAttributes)));
            }

            element.Add(
                new XElement("InvocationSource", "0"),
                new XElement("Mode", Bit(IsAsync(step))),
                new XElement("Rank", Text(step.Rank)),
                new XElement("EventHandlerTypeCode", "4602"),
                new XElement("Stage", Text(step.Stage)),
                new XElement("IsCustomizable", "1"),
                new XElement("IsHidden", "0"),
                new XElement("SupportedDeployment", "0"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("SdkMessageProcessingStepImages", step.Images.Select(image => new XElement("SdkMessageProcessingStepImage",
                    new XAttribute("Name", image.Name),
                    new XElement("SdkMessageProcessingStepImageId", Braced(image.Id)),
                    new XElement("Attributes", string.Join(",", image.Attributes)),
                    new XElement("EntityAlias", image.Name),
                    new XElement("ImageType", ImageType(image.Type)),
                    // The request or response property the image is taken from (sdkmessageprocessingstepimage.messagepropertyname):
                    // CreateResponse's "id" (the new row's id) on Create, the request's Target otherwise.
                    new XElement("MessagePropertyName", step.Message == "Create" ? "id" : "Target"),
                    new XElement("IsCustomizable", "1"),
                    new XElement("IntroducedVersion", IntroducedVersion)))));
            return element;
        }

        public static bool IsAsync(StepEntry step) => step.Mode.Equals("Async", StringComparison.OrdinalIgnoreCase) || step.Mode.Equals("Asynchronous", StringComparison.OrdinalIgnoreCase);

        /// <summary>sdkmessageprocessingstepimage.imagetype: 0 PreImage, 1 PostImage, 2 Both.</summary>
        public static string ImageType(string type) => type.ToUpperInvariant() switch
        {
            "PRE" or "PREIMAGE" => "0",
            "POST" or "POSTIMAGE" => "1",
            "BOTH" => "2",
            _ => throw new SolutionToolException($"Image type '{type}' is not Pre, Post or Both."),
        };
    }
}
