using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Dataverse
{
    /// <summary>
    /// Reads an environment variable the way the platform stores it: the definition
    /// (environmentvariabledefinition: schemaname, defaultvalue) and, when an admin set one for this
    /// environment, its value (environmentvariablevalue: value, environmentvariabledefinitionid), which wins.
    /// https://learn.microsoft.com/power-apps/maker/data-platform/environmentvariables
    /// https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/environmentvariabledefinition
    /// https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/environmentvariablevalue
    /// </summary>
    public static class EnvironmentVariables
    {
        public const string DefinitionTable = "environmentvariabledefinition";
        public const string DefinitionId = "environmentvariabledefinitionid";
        public const string SchemaName = "schemaname";
        public const string DefaultValue = "defaultvalue";
        public const string ValueTable = "environmentvariablevalue";
        public const string Value = "value";

        /// <summary>The current value, else the default value, else <paramref name="fallback"/> (the variable is not installed).</summary>
        public static string Read(IOrganizationService service, string schemaName, string fallback)
        {
            var definitions = new QueryExpression(DefinitionTable) { ColumnSet = new ColumnSet(DefinitionId, DefaultValue), TopCount = 1 };
            definitions.Criteria.AddCondition(SchemaName, ConditionOperator.Equal, schemaName);
            var definition = service.RetrieveMultiple(definitions).Entities.FirstOrDefault();
            if (definition == null)
            {
                return fallback;
            }

            var values = new QueryExpression(ValueTable) { ColumnSet = new ColumnSet(Value), TopCount = 1 };
            values.Criteria.AddCondition(DefinitionId, ConditionOperator.Equal, definition.Id);
            var current = service.RetrieveMultiple(values).Entities.FirstOrDefault()?.GetAttributeValue<string>(Value);
            var value = string.IsNullOrWhiteSpace(current) ? definition.GetAttributeValue<string>(DefaultValue) : current;
            return string.IsNullOrWhiteSpace(value) ? fallback : value!.Trim();
        }
    }
}
