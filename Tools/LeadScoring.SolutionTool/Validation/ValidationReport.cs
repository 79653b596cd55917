using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LeadScoring.SolutionTool.Validation
{
    public sealed record ValidationError(string Part, string Where, string Message)
    {
        public override string ToString() => $"{Part}: {Where}: {Message}";
    }

    /// <summary>What validating one zip found: the errors, and how many newer elements the allow-list let through.</summary>
    public sealed class ValidationReport
    {
        private readonly List<ValidationError> errors = new();
        private readonly Dictionary<AllowedElement, int> allowed = new();

        public ValidationReport(string zip) => Zip = zip;

        public string Zip { get; }

        public IReadOnlyList<ValidationError> Errors => errors;

        public IReadOnlyDictionary<AllowedElement, int> AllowedElements => allowed;

        public void Error(string part, string where, string message) => errors.Add(new ValidationError(part, where, message));

        public void Allowed(AllowedElement entry, int count) => allowed[entry] = allowed.GetValueOrDefault(entry) + count;

        public void WriteTo(TextWriter output)
        {
            output.WriteLine($"{Path.GetFileName(Zip)}: {errors.Count} error(s)");
            foreach (var error in errors)
            {
                output.WriteLine("  " + error);
            }

            foreach (var (entry, count) in allowed.OrderBy(a => a.Key.Parent).ThenBy(a => a.Key.Element))
            {
                output.WriteLine($"  allowed: {count} x {entry.Parent}/{entry.Element} ({entry.Why})");
            }
        }
    }
}
