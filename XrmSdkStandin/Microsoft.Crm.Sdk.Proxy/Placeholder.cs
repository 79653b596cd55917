namespace Microsoft.Crm.Sdk.Messages { }
