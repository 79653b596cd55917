using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Dataverse
{
    /// <summary>Maps SDK column values to the plain values the engine compares (choices as numbers, lookups as ids).</summary>
    public static class PlainValues
    {
        public static object? From(object? value) => value switch
        {
            null => null,
            OptionSetValue choice => choice.Value,
            Money money => money.Value,
            EntityReference reference => reference.Id.ToString("D"),
            OptionSetValueCollection choices => string.Join(",", choices.Select(c => c.Value.ToString(CultureInfo.InvariantCulture))),
            AliasedValue aliased => From(aliased.Value),
            DateTime date => date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc),
            Guid id => id.ToString("D"),
            double number => (decimal)number,
            _ => value,
        };

        /// <summary>The record's columns as plain values; later entities override earlier ones (for example Target over an image).</summary>
        public static Dictionary<string, object?> Of(params Entity?[] entities)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var entity in entities)
            {
                if (entity == null)
                {
                    continue;
                }

                foreach (var attribute in entity.Attributes)
                {
                    values[attribute.Key] = From(attribute.Value);
                }
            }

            return values;
        }
    }
}
