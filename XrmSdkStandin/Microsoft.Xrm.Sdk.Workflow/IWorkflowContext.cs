// Reference §7.1: the context of a custom workflow activity (with every IExecutionContext member).
namespace Microsoft.Xrm.Sdk.Workflow;

public interface IWorkflowContext : IExecutionContext
{
    string StageName { get; }

    int WorkflowCategory { get; }

    int WorkflowMode { get; }

    IWorkflowContext ParentContext { get; }
}
