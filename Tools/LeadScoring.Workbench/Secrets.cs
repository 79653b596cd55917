using System.Text.RegularExpressions;

namespace LeadScoring.Workbench
{
    /// <summary>
    /// Hides connection strings in anything the workbench prints: every value of a secret key
    /// (ClientSecret, Password, Secret, Token, …) becomes ***, and so does a whole run of
    /// connection-string settings (AuthType=…;Url=…), wherever it appears, for example in an
    /// "unrecognized argument" error or a connection failure.
    /// </summary>
    internal static class Secrets
    {
        public const string Hidden = "***";

        private static readonly Regex SecretValue = new(
            @"(?<key>\b(?:ClientSecret|Password|Pwd|Secret|Token|AccessToken|ApiKey|SharedAccessKey|CertificatePassword)\s*=\s*)(?<value>""[^""]*""|'[^']*'|[^;\r\n]*)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex ConnectionString = new(
            @"[^\s'""]*\b(?:AuthType|AppId|ClientId|ClientSecret|Password|Url|ServiceUri|Username|TenantId|Thumbprint)\s*=[^\s'""]*;[^\s'""]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static string Mask(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? "";
            }

            string masked = SecretValue.Replace(text, m => m.Groups["key"].Value + Hidden);
            return ConnectionString.Replace(masked, "[connection string hidden]");
        }
    }
}
