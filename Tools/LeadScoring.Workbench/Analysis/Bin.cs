using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.Analysis
{
    internal enum BinKind
    {
        /// <summary>The column is empty (notExists).</summary>
        Missing,

        /// <summary>One category (equals).</summary>
        Value,

        /// <summary>Any category not listed (exists and notIn the listed values).</summary>
        Other,

        /// <summary>A numeric range [From, To): greaterOrEqual From and lessThan To; either end may be open.</summary>
        Range,
    }

    /// <summary>
    /// One bin of a column: the rows it holds and its weight of evidence. Its conditions are the
    /// rule the scorecard writes, and membership is decided by those very conditions, so the
    /// calibration counts exactly what the model will score.
    /// </summary>
    internal sealed record Bin
    {
        public Bin(string attribute, BinKind kind, IReadOnlyList<string>? values = null, decimal? from = null, decimal? to = null)
        {
            Attribute = attribute;
            Kind = kind;
            Values = values ?? new string[0];
            From = from;
            To = to;
            Conditions = BuildConditions();
        }

        public string Attribute { get; }

        public BinKind Kind { get; }

        /// <summary>Value: the category; Other: the categories it excludes.</summary>
        public IReadOnlyList<string> Values { get; }

        public decimal? From { get; }

        public decimal? To { get; }

        public int Leads { get; init; }

        public int Converted { get; init; }

        public double Woe { get; init; }

        public double ConversionRate => Leads == 0 ? 0 : (double)Converted / Leads;

        /// <summary>The AND-ed conditions of the bin's rule on the lead table.</summary>
        public IReadOnlyList<Condition> Conditions { get; }

        public bool Matches(string cell) => Conditions.All(c => LeadScoring.Engine.Conditions.Matches(c, cell));

        /// <summary>"Lead Origin = API", "TotalVisits >= 2 and < 5", "City is empty".</summary>
        public string Describe(string header) => Kind switch
        {
            BinKind.Missing => $"{header} is empty",
            BinKind.Value => $"{header} = {Values[0]}",
            BinKind.Other when Values.Count == 0 => $"{header} has any value",
            BinKind.Other => $"{header} is another value",
            _ when From is null && To is null => $"{header} is any number",
            _ when From is null => $"{header} < {Number(To)}",
            _ when To is null => $"{header} >= {Number(From)}",
            _ => $"{header} >= {Number(From)} and < {Number(To)}",
        };

        /// <summary>A short, stable part of the rule id.</summary>
        public string Slug => Kind switch
        {
            BinKind.Missing => "missing",
            BinKind.Other => "other",
            BinKind.Value => LogicalName.FromHeader(Values[0]) is { Length: > 0 } s ? s : "value",
            _ when From is null => $"lt_{Number(To)}",
            _ when To is null => $"ge_{Number(From)}",
            _ => $"{Number(From)}_to_{Number(To)}",
        };

        private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

        private IReadOnlyList<Condition> BuildConditions()
        {
            var conditions = new List<Condition>();
            switch (Kind)
            {
                case BinKind.Missing:
                    conditions.Add(new Condition(Attribute, ConditionOperator.NotExists, new object?[0]));
                    break;
                case BinKind.Value:
                    conditions.Add(new Condition(Attribute, ConditionOperator.EqualsTo, new object?[] { Values[0] }));
                    break;
                case BinKind.Other:
                    conditions.Add(new Condition(Attribute, ConditionOperator.Exists, new object?[0]));
                    if (Values.Count > 0)
                    {
                        conditions.Add(new Condition(Attribute, ConditionOperator.NotIn, Values.Cast<object?>().ToArray()));
                    }

                    break;
                default:
                    if (From is null && To is null)
                    {
                        conditions.Add(new Condition(Attribute, ConditionOperator.Exists, new object?[0]));
                    }

                    if (From is decimal from)
                    {
                        conditions.Add(new Condition(Attribute, ConditionOperator.GreaterOrEqual, new object?[] { from }));
                    }

                    if (To is decimal to)
                    {
                        conditions.Add(new Condition(Attribute, ConditionOperator.LessThan, new object?[] { to }));
                    }

                    break;
            }

            return conditions;
        }
    }
}
