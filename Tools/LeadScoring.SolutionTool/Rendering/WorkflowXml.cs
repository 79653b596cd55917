using System;
using System.Collections.Generic;
using System.Xml.Linq;
using LeadScoring.SolutionTool.Definition;
using static LeadScoring.SolutionTool.Rendering.Xml;

namespace LeadScoring.SolutionTool.Rendering
{
    /// <summary>Workflows/*.data.xml: a cloud flow's or classic workflow's workflow row.</summary>
    public static class WorkflowXml
    {
        private static XElement WorkflowDataXml(Guid id, string name, string description, string fileElement, string definitionFile, int category, string primaryEntity, bool onDemand, IEnumerable<string> triggerOnUpdate)
        {
            var element = new XElement("Workflow", new XAttribute("WorkflowId", Braced(id)), new XAttribute("Name", name), new XAttribute("Description", description), XsiAttribute(),
                new XElement(fileElement, SolutionLayout.ZipPath(definitionFile)),
                new XElement("Type", "1"),
                new XElement("Subprocess", "0"),
                new XElement("Category", Text(category)),
                new XElement("Mode", "0"),
                new XElement("Scope", "4"),
                new XElement("OnDemand", Bit(onDemand)),
                // Right after OnDemand, as the schema's sequence and real exports have it.
                string.Join(",", triggerOnUpdate) is { Length: > 0 } attributes ? new XElement("TriggerOnUpdateAttributeList", attributes) : null,
                new XElement("TriggerOnCreate", "0"),
                new XElement("TriggerOnDelete", "0"),
                new XElement("AsyncAutodelete", Bit(category == 0)),
                new XElement("SyncWorkflowLogOnFailure", "0"),
                // Imported off (draft): flows need their connection references bound, and both are turned on
                // by an admin after the import (docs/automation.md).
                new XElement("StateCode", "0"),
                new XElement("StatusCode", "1"),
                new XElement("RunAs", "1"),
                new XElement("IsTransacted", "1"),
                new XElement("IntroducedVersion", IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                new XElement("BusinessProcessType", "0"),
                new XElement("IsCustomProcessingStepAllowedForOtherPublishers", "1"),
                new XElement("PrimaryEntity", primaryEntity));
            element.Add(Labels("LocalizedNames", "LocalizedName", name), Labels("Descriptions", "Description", description));
            return element;
        }

        public static XElement Render(CloudFlow flow) =>
            WorkflowDataXml(flow.Id, flow.Name, flow.Description, "JsonFileName", SolutionLayout.FlowDefinition(flow), category: 5, "none", onDemand: false, Array.Empty<string>());

        public static XElement Render(ClassicWorkflow workflow) =>
            WorkflowDataXml(workflow.Id, workflow.Name, workflow.Description, "XamlFileName", SolutionLayout.ClassicWorkflowDefinition(workflow), category: 0, workflow.PrimaryEntity, workflow.OnDemand, workflow.TriggerOnUpdate);
    }
}
