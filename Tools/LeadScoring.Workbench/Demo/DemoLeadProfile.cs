using System;
using System.Collections.Generic;

namespace LeadScoring.Workbench.Demo
{
    /// <summary>
    /// Who a demo lead is (the lead's columns) and two hidden traits the history is drawn from:
    /// how well the company fits (Fitness, about −2…2) and how interested the person is (Intent,
    /// 0…1). Whether the lead buys depends on both, with noise — the model only sees their traces.
    /// </summary>
    internal sealed record DemoLeadProfile(
        string FirstName,
        string LastName,
        string Company,
        string JobTitle,
        string Industry,
        int Employees,
        string Source,
        int? Budget,
        double Fitness,
        double Intent)
    {
        private static readonly string[] FirstNames =
        {
            "Avery", "Blake", "Casey", "Dana", "Eli", "Farah", "Gabriel", "Hana", "Ivan", "Jonas", "Kira", "Liam", "Maya", "Nina", "Omar",
            "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Xenia", "Yusuf", "Zoe", "Anika", "Bruno", "Chloe", "Diego",
        };

        private static readonly string[] LastNames =
        {
            "Adams", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hughes", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau",
            "Nakamura", "O'Brien", "Patel", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Young", "Zimmer",
        };

        private static readonly string[] CompanyWords = { "Alpine", "Blue", "Cedar", "Delta", "Evergreen", "Fjord", "Granite", "Harbor", "Iron", "Juniper", "Keystone", "Lumen", "Meridian", "Northwind", "Orchid", "Pioneer" };

        private static readonly string[] CompanyKinds = { "Consulting", "Logistics", "Insurance", "Systems", "Manufacturing", "Partners", "Health", "Foods", "Capital", "Media", "Retail", "Labs" };

        private static readonly string[] TargetIndustries = { "Business Services", "Consulting", "Financial", "Insurance" };

        private static readonly string[] OtherIndustries =
        {
            "Accounting", "Broadcasting Printing and Publishing", "Building Supply Retail", "Consumer Services", "Distributors, Dispatchers and Processors",
            "Eating and Drinking Places", "Legal Services", "Non-Durable Merchandise Retail", "Service Retail", "Social Services", "Transportation", "Wholesale",
        };

        private static readonly Dictionary<string, (string[] Titles, double Fitness)> Seniority = new()
        {
            ["chief"] = (new[] { "Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer", "Chief Technology Officer" }, 1.0),
            ["vp"] = (new[] { "VP Sales", "VP Marketing", "VP Operations", "VP Finance" }, 0.9),
            ["director"] = (new[] { "Director of IT", "Sales Director", "Marketing Director", "Director of Operations" }, 0.7),
            ["manager"] = (new[] { "IT Manager", "Marketing Manager", "Sales Manager", "Office Manager" }, 0.3),
            ["staff"] = (new[] { "Business Analyst", "Marketing Specialist", "Sales Coordinator", "Accountant" }, -0.2),
            ["student"] = (new[] { "Student", "Intern" }, -1.0),
        };

        public string Email => $"{Ascii(FirstName)}.{Ascii(LastName)}@{Ascii(Company.Split(' ')[0])}.example".ToLowerInvariant();

        public static DemoLeadProfile Draw(SeededRandom random)
        {
            string level = random.Pick(("chief", 0.06), ("vp", 0.08), ("director", 0.18), ("manager", 0.25), ("staff", 0.33), ("student", 0.10));
            string industry = random.Chance(0.35) ? random.Pick(TargetIndustries) : random.Chance(0.15) ? "Durable Manufacturing" : random.Pick(OtherIndustries);
            int employees = random.Pick(("micro", 0.15), ("small", 0.35), ("mid", 0.30), ("enterprise", 0.20)) switch
            {
                "micro" => random.Between(2, 19),
                "small" => random.Between(20, 199),
                "mid" => random.Between(200, 999),
                _ => random.Between(1000, 20000),
            };
            string source = random.Pick(("Web", 0.45), ("Advertisement", 0.12), ("Trade Show", 0.10), ("Employee Referral", 0.08), ("External Referral", 0.07), ("Partner", 0.08), ("Seminar", 0.05), ("Word of Mouth", 0.05));
            int? budget = random.Chance(employees >= 200 ? 0.6 : 0.3) ? random.Pick(new[] { 5000, 15000, 25000, 40000, 60000, 120000 }) : null;

            double fitness = Seniority[level].Fitness
                + (Array.IndexOf(TargetIndustries, industry) >= 0 ? 0.5 : industry == "Durable Manufacturing" ? 0.3 : -0.1)
                + (employees >= 1000 ? 0.6 : employees >= 200 ? 0.4 : employees < 20 ? -0.5 : 0)
                + (budget >= 50000 ? 0.5 : budget >= 10000 ? 0.3 : 0)
                + (source is "Employee Referral" or "External Referral" or "Partner" ? 0.4 : 0)
                + (0.35 * random.Normal());
            double intent = Math.Clamp(Math.Pow(random.Next(), 1.4) + (source is "Trade Show" or "Partner" ? 0.1 : 0) + (0.1 * fitness), 0.02, 0.98);

            return new DemoLeadProfile(
                random.Pick(FirstNames),
                random.Pick(LastNames),
                $"{random.Pick(CompanyWords)} {random.Pick(CompanyKinds)}",
                random.Pick(Seniority[level].Titles),
                industry,
                employees,
                source,
                budget,
                fitness,
                intent);
        }

        /// <summary>Whether the lead buys in the end: more likely with better fit and more interest, never certain.</summary>
        public bool DrawConversion(SeededRandom random)
        {
            double logOdds = -3.4 + (1.3 * Fitness) + (4.0 * Intent) + (0.6 * random.Normal());
            return random.Chance(1 / (1 + Math.Exp(-logOdds)));
        }

        private static string Ascii(string text) => new(Array.FindAll(text.Normalize(System.Text.NormalizationForm.FormD).ToCharArray(), char.IsAsciiLetter));
    }
}
