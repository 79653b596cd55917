using System.IO;
using System.IO.Compression;
using System.Xml.Linq;

namespace LeadScoring.SolutionTool.Validation
{
    /// <summary>
    /// `validate`: checks a packed solution zip against Microsoft's schemas (SchemaValidator) and against
    /// what no schema covers (SemanticCheck).
    /// </summary>
    public static class SolutionValidator
    {
        public static ValidationReport Validate(string zipPath, string schemaFolder)
        {
            if (!File.Exists(zipPath))
            {
                throw new SolutionToolException($"No solution zip at {zipPath}. Pack it first: dotnet run --project Tools/LeadScoring.SolutionTool -- pack");
            }

            if (!Directory.Exists(schemaFolder))
            {
                throw new SolutionToolException($"No schema folder at {schemaFolder}. Pass the folder that holds Microsoft's solution schemas (CustomizationsSolution.xsd and the files it includes) with --schemas.");
            }

            var report = new ValidationReport(zipPath);
            using var zip = ZipFile.OpenRead(zipPath);
            var package = new PackedSolution(zip);
            SchemaValidator.Validate(package.Customizations, schemaFolder, report);
            SemanticCheck.Run(package, report);
            return report;
        }
    }
}
