using System;
using System.IO;
using LeadScoring.Tests.Workbench;
using LeadScoring.Workbench;
using LeadScoring.Workbench.Connection;

namespace LeadScoring.Tests.Reliability;

/// <summary>
/// Connection strings: taken from a file or an environment variable, never echoed. The attacker is
/// whoever reads the terminal, a CI log or a bug report after a user mistyped an option.
/// </summary>
public sealed class SecretsTests : IDisposable
{
    private const string Secret = "s3cr3t-V4lue~";
    private const string ConnectionString = "AuthType=ClientSecret;Url=https://contoso.crm.dynamics.com;ClientId=51f81489-12ee-4a9e-aaae-a2591f45987d;ClientSecret=" + Secret;
    private readonly string _folder = Directory.CreateTempSubdirectory("leadscoring-secrets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("model", "import", "--conection", ConnectionString, "m.json")]
    [InlineData("recalculate", "--connection", ConnectionString, "--page-size", "abc")]
    [InlineData("decay", ConnectionString)]
    public void A_mistyped_command_line_never_prints_the_connection_string(params string[] args)
    {
        var run = WorkbenchCommandTests.Run(args);

        Assert.NotEqual(0, run.Exit);
        Assert.DoesNotContain(Secret, run.Error + run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("ClientId=51f81489", run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_connection_string_comes_from_a_file_or_the_environment_variable()
    {
        if (Sdk.SdkTestAssemblies.XrmSdk != "Standin")
        {
            return; // an official build would really try to connect
        }

        string file = Path.Combine(_folder, "org.txt");
        File.WriteAllText(file, "\n" + ConnectionString + "\n");
        string? before = Environment.GetEnvironmentVariable(ConnectionOptions.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(ConnectionOptions.EnvironmentVariable, null);
            var none = WorkbenchCommandTests.Run("recalculate");
            var fromFile = WorkbenchCommandTests.Run("recalculate", "--connection-file", file);
            Environment.SetEnvironmentVariable(ConnectionOptions.EnvironmentVariable, ConnectionString);
            var fromVariable = WorkbenchCommandTests.Run("decay");

            Assert.Equal("leadscoring: recalculate needs a Dataverse connection string: set LEADSCORING_CONNECTION, or give --connection-file or --connection", none.Error.TrimEnd());
            Assert.EndsWith("recalculate needs a build with the official SDK packages; see README 'The SDK switch'", fromFile.Error.TrimEnd(), StringComparison.Ordinal);
            Assert.EndsWith("decay needs a build with the official SDK packages; see README 'The SDK switch'", fromVariable.Error.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConnectionOptions.EnvironmentVariable, before);
        }
    }

    [Theory]
    [InlineData("cannot connect: " + ConnectionString, "cannot connect: [connection string hidden]")]
    [InlineData("Password=\"p; w\";Url=https://x.crm.dynamics.com", "[connection string hidden]")]
    [InlineData("login failed: ClientSecret = abc", "login failed: ClientSecret = ***")]
    [InlineData("token=xyz was rejected; retry", "token=***; retry")] // an unquoted value runs to the next ;
    [InlineData("nothing secret here; AuthTypes are listed in the docs", "nothing secret here; AuthTypes are listed in the docs")]
    public void Secrets_are_masked_in_every_message(string message, string shown) =>
        Assert.Equal(shown, Secrets.Mask(message));

    [Fact]
    public void Stderr_masks_secrets_even_when_a_message_is_written_in_pieces()
    {
        using var error = new StringWriter();
        using (var writer = new MaskingWriter(error))
        {
            writer.Write("leadscoring: bad ");
            writer.Write("ClientSecret=");
            writer.Write(Secret + "\n");
            writer.Write("\u001b[31mred");
        }

        Assert.Equal("leadscoring: bad ClientSecret=***" + Environment.NewLine + "\\u001B[31mred", error.ToString());
    }
}
