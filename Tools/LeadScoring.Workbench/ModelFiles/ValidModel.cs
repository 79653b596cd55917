using System.IO;
using LeadScoring.Engine;

namespace LeadScoring.Workbench.ModelFiles
{
    /// <summary>
    /// Reads a model file that the product must accept: the plug-ins refuse to activate a model the
    /// engine's validator rejects, so the commands that run the plug-ins check it first and say why
    /// in one line.
    /// </summary>
    internal static class ValidModel
    {
        public static ScoringModel Read(string path)
        {
            var model = ModelFile.Read(path);
            var errors = ModelValidator.Validate(model);
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
