using System.Collections.Generic;

namespace LeadScoring.SolutionTool.Validation
{
    /// <summary>
    /// The elements current exports write and the 9.0 solution schema does not declare (or declares in
    /// another place). Each is taken out before validation, so that the rest must hold; each entry names a
    /// real export that carries it, by public repository and path.
    /// </summary>
    public static class SchemaAllowList
    {
        // A managed export of 2026 (Dataverse 9.2): meandtech2001/Apollo-HealthCare-Management-D365-CRM-,
        // ApolloHospitalProject_1_0_0_3_managed/customizations.xml.
        private const string Apollo = "as in meandtech2001/Apollo-HealthCare-Management-D365-CRM-, ApolloHospitalProject_1_0_0_3_managed/customizations.xml";

        // An unpacked export with cloud flows: eromerof/CloudFlow_coe, Other/Customizations.xml and Workflows/*.json.data.xml.
        private const string CloudFlowCoe = "as in eromerof/CloudFlow_coe, Other/Customizations.xml and Workflows/*.json.data.xml";

        public static IReadOnlyList<AllowedElement> Entries { get; } = new AllowedElement[]
        {
            new("ImportExportXml", "connectionreferences", CloudFlowCoe),
            new("Workflow", "JsonFileName", CloudFlowCoe),
            new("Workflow", "IsCustomProcessingStepAllowedForOtherPublishers", Apollo),
            new("FieldPermission", "CanReadUnmasked", Apollo),
            new("entity", "IsRetrieveAuditEnabled", Apollo),
            new("entity", "IsRetrieveMultipleAuditEnabled", Apollo),
            new("entity", "IsSolutionAware", Apollo),
            new("attribute", "AutoNumberFormat", Apollo),
            new("attribute", "IsSearchable", Apollo),
            new("attribute", "IsFilterable", Apollo),
            new("attribute", "IsRetrievable", Apollo),
            new("attribute", "IsLocalizable", Apollo),
            new("attribute", "IsDataSourceSecret", Apollo),
            new("option", "@IsHidden", Apollo),
            new("AppModule", "OptimizedFor", Apollo),
            new("AppModule", "statecode", Apollo),
            new("AppModule", "statuscode", Apollo),
            new("AppModule", "NavigationType", Apollo),
            new("AppModuleSiteMap", "EnableCollapsibleGroups", Apollo),
            new("AppModuleSiteMap", "ShowHome", Apollo),
            new("AppModuleSiteMap", "ShowPinned", Apollo),
            new("AppModuleSiteMap", "ShowRecents", Apollo),
            // Real exports write SdkMessageId first; the schema's sequence has it after Rank (optional there).
            new("SdkMessageProcessingStep", "SdkMessageId", Apollo),
        };
    }
}
