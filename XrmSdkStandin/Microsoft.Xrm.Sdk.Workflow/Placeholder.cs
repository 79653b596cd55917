namespace Microsoft.Xrm.Sdk.Workflow { }
