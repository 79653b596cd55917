using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Emulator
{
    // Why: a real organization serializes every value on the way in and out, so a caller can never
    // change stored data by mutating an object it passed or got back. The emulator gets the same
    // effect by deep-copying. Queries and keys also need one way to compare SDK values
    // (a lookup equals its id, a choice its number, text ignores case like SQL's collation).
    internal static class Values
    {
        public static Entity Clone(Entity source)
        {
            var copy = new Entity(source.LogicalName, source.Id) { RowVersion = source.RowVersion };
            foreach (var attribute in source.Attributes)
            {
                copy.Attributes[attribute.Key] = CloneValue(attribute.Value);
            }
            if (source.KeyAttributes != null)
            {
                foreach (var key in source.KeyAttributes)
                {
                    copy.KeyAttributes[key.Key] = CloneValue(key.Value);
                }
            }
            return copy;
        }

        public static object? CloneValue(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case Entity entity:
                    return Clone(entity);
                case EntityReference reference:
                    return new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name };
                case OptionSetValue option:
                    return new OptionSetValue(option.Value);
                case Money money:
                    return new Money(money.Value);
                case DateTime dateTime:
                    return ToUtc(dateTime);
                case EntityCollection collection:
                    var copy = new EntityCollection(collection.Entities.Select(Clone).ToList())
                    {
                        EntityName = collection.EntityName,
                        MoreRecords = collection.MoreRecords,
                        PagingCookie = collection.PagingCookie,
                        TotalRecordCount = collection.TotalRecordCount,
                    };
                    return copy;
                case OptionSetValueCollection options:
                    return new OptionSetValueCollection(options.Select(o => new OptionSetValue(o.Value)).ToList());
                case EntityReferenceCollection references:
                    return new EntityReferenceCollection(references.Select(r => (EntityReference)CloneValue(r)!).ToList());
                case AliasedValue aliased:
                    return new AliasedValue(aliased.EntityLogicalName, aliased.AttributeLogicalName, CloneValue(aliased.Value));
                case byte[] bytes:
                    return bytes.ToArray();
                case string[] strings:
                    return strings.ToArray();
                default:
                    return value; // strings and value types are immutable
            }
        }

        /// <summary>Dataverse keeps date and time values in UTC; unspecified kinds are taken as UTC.</summary>
        public static DateTime ToUtc(DateTime value) => value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };

        /// <summary>The comparable core of an SDK value: a lookup's id, a choice's number, money's amount.</summary>
        public static object? Normalize(object? value) => value switch
        {
            null => null,
            EntityReference reference => reference.Id,
            OptionSetValue option => option.Value,
            Money money => money.Value,
            AliasedValue aliased => Normalize(aliased.Value),
            DateTime dateTime => ToUtc(dateTime),
            int or long or short or byte or decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            float or double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            Enum e => Convert.ToDecimal(e, CultureInfo.InvariantCulture),
            _ => value,
        };

        public static bool AreEqual(object? left, object? right) => Compare(left, right) == 0;

        /// <summary>Orders two values the way SQL Server would; null sorts first.</summary>
        public static int Compare(object? left, object? right) => CompareNormalized(Normalize(left), Normalize(right));

        /// <summary>Compare for values already passed through <see cref="Normalize"/> (sorting uses it directly).</summary>
        public static int CompareNormalized(object? a, object? b)
        {
            if (a == null || b == null)
            {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            switch (a)
            {
                case string text when b is string other:
                    return string.Compare(text, other, StringComparison.OrdinalIgnoreCase);
                case decimal number when b is decimal other:
                    return number.CompareTo(other);
                case Guid guid when b is Guid other:
                    return guid.CompareTo(other);
                case DateTime dateTime when b is DateTime other:
                    return dateTime.CompareTo(other);
                case string text:
                    return string.Compare(text, Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
                case Guid guid:
                    return guid.CompareTo(ToGuid(b));
                case decimal number when b is double other:
                    return ((double)number).CompareTo(other);
                case double number when b is decimal other:
                    return number.CompareTo((double)other);
                case decimal number when b is string text:
                    return number.CompareTo(decimal.Parse(text, CultureInfo.InvariantCulture));
                case bool flag when b is decimal number:
                    return (flag ? 1m : 0m).CompareTo(number);
                case DateTime when b is string text:
                    return ((DateTime)a).CompareTo(ToUtc(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)));
                case IComparable comparable when a.GetType() == b.GetType():
                    return comparable.CompareTo(b);
                default:
                    throw new NotSupportedException($"The emulator cannot compare a {a.GetType().Name} with a {b.GetType().Name}.");
            }
        }

        private static Guid ToGuid(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            _ => throw new NotSupportedException($"The emulator cannot compare a Guid with a {value.GetType().Name}."),
        };

        /// <summary>Text that identifies a value inside an alternate-key index (case-insensitive for text).</summary>
        public static string KeyText(object value) => Normalize(value) switch
        {
            string text => "s:" + text.ToUpperInvariant(),
            Guid guid => "g:" + guid.ToString("N"),
            decimal number => "n:" + number.ToString(CultureInfo.InvariantCulture),
            double number => "n:" + ((decimal)number).ToString(CultureInfo.InvariantCulture),
            DateTime dateTime => "d:" + dateTime.Ticks.ToString(CultureInfo.InvariantCulture),
            bool flag => flag ? "b:1" : "b:0",
            var other => "o:" + Convert.ToString(other, CultureInfo.InvariantCulture),
        };

        /// <summary>The items of a condition's values, with a single list or array spread out.</summary>
        public static List<object?> Flatten(IEnumerable<object> values)
        {
            var items = values.ToList();
            if (items.Count == 1 && items[0] is IEnumerable nested and not string)
            {
                return nested.Cast<object?>().ToList();
            }
            return items.Cast<object?>().ToList();
        }
    }
}
