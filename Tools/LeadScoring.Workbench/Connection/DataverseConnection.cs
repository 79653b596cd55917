using System;
#if !NO_SERVICECLIENT
using Microsoft.PowerPlatform.Dataverse.Client;
#endif

namespace LeadScoring.Workbench.Connection
{
    /// <summary>
    /// Opens a Dataverse connection from a connection string. Only a build against the official
    /// SDK packages has a client (ServiceClient); a stand-in or folder build (XrmSdk=Standin|Folder) says so in one line.
    /// </summary>
    internal static class DataverseConnection
    {
        public const string NeedsOfficialSdk = "needs a build with the official SDK packages; see README 'The SDK switch'";

        /// <summary>The org's service, retrying throttled requests; dispose it when done.</summary>
        public static RetryingOrganizationService Open(string connectionString, string command, Action<TimeSpan, int>? onRetry = null)
        {
#if NO_SERVICECLIENT
            _ = connectionString;
            _ = onRetry;
            throw new WorkbenchException($"{command} {NeedsOfficialSdk}");
#else
            // ServiceClient(String, ILogger) takes a connection string; IsReady, LastError and LastException say whether it connected.
            // https://learn.microsoft.com/dotnet/api/microsoft.powerplatform.dataverse.client.serviceclient.-ctor
            // https://learn.microsoft.com/dotnet/api/microsoft.powerplatform.dataverse.client.serviceclient.lasterror
            var client = new ServiceClient(connectionString);
            if (!client.IsReady)
            {
                string why = client.LastError ?? client.LastException?.Message ?? "no reason given";
                client.Dispose();
                throw new WorkbenchException($"{command}: cannot connect to Dataverse: {why.Trim()}");
            }

            return new RetryingOrganizationService(client, onRetry: onRetry);
#endif
        }
    }
}
