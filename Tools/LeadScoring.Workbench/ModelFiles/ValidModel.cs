using System.Collections.Generic;
using System.IO;
using System.Linq;
using LeadScoring.Dataverse;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.ModelFiles
{
    /// <summary>
    /// A model file checked the way the product checks it: the engine's validation, then every
    /// condition against the columns of its table (the product's catalogue offline, an org's metadata
    /// online), with choice labels resolved to their values. The plug-ins refuse a model with any
    /// error, so the commands that run them check first and say why in one line.
    /// </summary>
    internal static class ValidModel
    {
        /// <summary>The problems of a model, and the model with its labels resolved to values.</summary>
        public static ScoringModel Check(ScoringModel model, IColumnSource columns, out IReadOnlyList<string> errors, out IReadOnlyList<string> warnings)
        {
            var resolved = ColumnCheck.Resolve(model, columns, out var result);
            errors = ModelValidator.Validate(model).Concat(result.Errors).ToList();
            warnings = result.Warnings;
            return resolved;
        }

        /// <summary>Reads a model file the product would accept (offline: the column catalogue), labels resolved to values.</summary>
        public static ScoringModel Read(string path) => Read(path, ColumnCatalogue.Instance);

        /// <summary>
        /// Reads a model for a leads table (backtest, compare): its conditions name the table's own
        /// columns, so only the engine's validation applies.
        /// </summary>
        public static ScoringModel ReadForLeadsTable(string path) => Read(path, null);

        public static ScoringModel Read(string path, IColumnSource? columns)
        {
            var read = ModelFile.Read(path);
            IReadOnlyList<string> errors = ModelValidator.Validate(read);
            var model = columns == null ? read : Check(read, columns, out errors, out _);
            if (errors.Count > 0)
            {
                string file = Path.GetFileName(path);
                string more = errors.Count > 1 ? $" (and {errors.Count - 1} more; see 'leadscoring model validate {file}')" : "";
                throw new WorkbenchException($"{file}: the product would refuse this model: {errors[0]}{more}");
            }

            return model;
        }
    }
}
