using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using LeadScoring.Dataverse;
using LeadScoring.Workbench.Analysis;
using LeadScoring.Workbench.Connection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadScoring.Workbench.Interactions
{
    /// <summary>
    /// Imports interactions from a CSV file through ls_RecordInteraction, so the org's own plug-ins
    /// match, hold and score them exactly as they do a webhook's. Rows go in ExecuteMultiple batches
    /// (each request its own transaction, continuing past a refused row); a throttled batch or row is
    /// sent again after the wait the platform asks for (RetryingOrganizationService). After every
    /// batch the state file records how far the import got, so a stopped import run again resumes
    /// after the last finished batch; rows sent twice are recorded once (source + external id).
    /// Refused rows go, with the reason, to the refused file (line, external id, reason).
    /// </summary>
    internal sealed class InteractionImport
    {
        public const int DefaultBatchSize = 100;

        private readonly IOrganizationService _service;
        private readonly ImportMapping _mapping;
        private readonly string _source;

        public InteractionImport(IOrganizationService service, ImportMapping mapping, string csvName)
        {
            _service = service;
            _mapping = mapping;
            _source = csvName;
        }

        /// <summary>Told the rows done so far after each batch.</summary>
        public Action<int>? Progress { get; init; }

        /// <summary>Run after each batch (the emulator runs the asynchronous scoring steps it queued).</summary>
        public Action? AfterBatch { get; init; }

        public static string StatePath(string csv) => csv + ".import-state.json";

        public static string RefusedPath(string csv) => csv + ".refused.csv";

        /// <summary>The data rows of the file (the header excluded), for a progress bar.</summary>
        public static int CountRows(string text, string source) => Math.Max(0, Csv.Parse(text, source).Count() - 1);

        public ImportSummary Run(string text, int batchSize, string? statePath, string refusedPath)
        {
            if (batchSize < 1 || batchSize > 1000)
            {
                throw new WorkbenchException($"--batch-size must be between 1 and 1000 (ExecuteMultiple's limit); got {batchSize}");
            }

            var records = Csv.Parse(text, _source).GetEnumerator();
            if (!records.MoveNext())
            {
                throw new WorkbenchException($"{_source}: the file is empty; a header row of column names is expected");
            }

            var header = records.Current.Fields;
            _mapping.Check(header, _source);
            string fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            var summary = Resume(statePath, fingerprint);
            if (summary.Rows == 0)
            {
                File.WriteAllText(refusedPath, "line,externalid,reason\n");
            }

            summary = summary with { ResumedAfter = summary.Rows };
            int skipped = 0;
            var batch = new List<(int Line, string ExternalId, OrganizationRequest? Request, string? Refusal)>();
            while (true)
            {
                bool more = records.MoveNext();
                if (more && skipped < summary.ResumedAfter)
                {
                    skipped++;
                    continue;
                }

                if (more)
                {
                    batch.Add(Request(records.Current, header));
                }

                if (batch.Count == batchSize || (!more && batch.Count > 0))
                {
                    try
                    {
                        summary = Send(batch, summary, refusedPath);
                    }
                    catch (Exception e) when (e is FaultException<OrganizationServiceFault> or InvalidPluginExecutionException or TimeoutException or CommunicationException)
                    {
                        throw new JobStoppedException(summary.Rows, "", e);
                    }

                    batch.Clear();
                    if (statePath != null)
                    {
                        File.WriteAllText(statePath, JsonSerializer.Serialize(new State(fingerprint, summary)));
                    }

                    Progress?.Invoke(summary.Rows);
                    AfterBatch?.Invoke();
                }

                if (!more)
                {
                    if (statePath != null && File.Exists(statePath))
                    {
                        File.Delete(statePath);
                    }

                    return summary;
                }
            }
        }

        private static ImportSummary Resume(string? statePath, string fingerprint)
        {
            if (statePath == null || !File.Exists(statePath))
            {
                return ImportSummary.Empty;
            }

            State? state;
            try
            {
                state = JsonSerializer.Deserialize<State>(File.ReadAllText(statePath));
            }
            catch (JsonException e)
            {
                throw new WorkbenchException($"{Path.GetFileName(statePath)}: not an import state file ({e.Message.Split('.')[0]}); delete it to import from the start", e);
            }

            if (state == null || state.Fingerprint != fingerprint)
            {
                throw new WorkbenchException($"{Path.GetFileName(statePath)} belongs to an earlier import of a different file; delete it to import this one from the start");
            }

            return state.Summary;
        }

        private ImportSummary Send(List<(int Line, string ExternalId, OrganizationRequest? Request, string? Refusal)> batch, ImportSummary summary, string refusedPath)
        {
            var sendable = batch.Where(b => b.Request != null).ToList();
            var outcomes = new Dictionary<int, (OrganizationResponse? Response, string? Fault)>();
            if (sendable.Count > 0)
            {
                var requests = new OrganizationRequestCollection();
                requests.AddRange(sendable.Select(b => b.Request!));
                var response = (ExecuteMultipleResponse)_service.Execute(new ExecuteMultipleRequest
                {
                    Requests = requests,
                    Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
                });
                foreach (var item in response.Responses)
                {
                    var fault = item.Fault;
                    if (fault != null && fault.ErrorCode is ServiceProtection.RequestsExceeded or ServiceProtection.ExecutionTimeExceeded or ServiceProtection.ConcurrentRequestsExceeded)
                    {
                        // Throttled on its own: sent again by itself, waiting as the platform asks.
                        outcomes[item.RequestIndex] = (_service.Execute(sendable[item.RequestIndex].Request!), null);
                        continue;
                    }

                    outcomes[item.RequestIndex] = (item.Response, fault?.Message);
                }
            }

            var refused = new StringBuilder();
            int recorded = 0, duplicates = 0, unmatched = 0, leadsCreated = 0, refusals = 0;
            for (int i = 0, sent = 0; i < batch.Count; i++)
            {
                var (line, externalId, request, refusal) = batch[i];
                if (request != null)
                {
                    var (response, fault) = outcomes.TryGetValue(sent, out var o) ? o : (null, "no response came back for this row");
                    sent++;
                    refusal = fault;
                    if (response != null && fault == null)
                    {
                        if (!(bool)response[CustomApi.Created])
                        {
                            duplicates++;
                        }
                        else if ((Guid)response[CustomApi.LeadId] == Guid.Empty)
                        {
                            unmatched++;
                        }
                        else
                        {
                            recorded++;
                            leadsCreated += (bool)response[CustomApi.LeadCreated] ? 1 : 0;
                        }

                        continue;
                    }
                }

                refusals++;
                refused.Append(line.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Field(externalId)).Append(',').Append(Field(OneLine(refusal ?? ""))).Append('\n');
            }

            File.AppendAllText(refusedPath, refused.ToString());
            return summary with
            {
                Rows = summary.Rows + batch.Count,
                Recorded = summary.Recorded + recorded,
                Duplicates = summary.Duplicates + duplicates,
                Unmatched = summary.Unmatched + unmatched,
                LeadsCreated = summary.LeadsCreated + leadsCreated,
                Refused = summary.Refused + refusals,
            };
        }

        /// <summary>The row as an ls_RecordInteraction request, or the reason it cannot be one (a value the file gives in the wrong form).</summary>
        private (int Line, string ExternalId, OrganizationRequest? Request, string? Refusal) Request(Csv.Record record, IReadOnlyList<string> header)
        {
            string Cell(string column)
            {
                int index = -1;
                for (int i = 0; i < header.Count; i++)
                {
                    if (header[i] == column)
                    {
                        index = i;
                        break;
                    }
                }

                return index < record.Fields.Count ? record.Fields[index].Trim() : "";
            }

            string? Mapped(string parameter) => _mapping.Columns.TryGetValue(parameter, out var column) && Cell(column).Length > 0 ? Cell(column) : null;

            string externalId = Mapped(CustomApi.ExternalId) ?? "";
            var request = new OrganizationRequest(CustomApi.RecordInteraction);
            foreach (var parameter in ImportMapping.Parameters)
            {
                string? value = Mapped(parameter);
                if (parameter == CustomApi.Source)
                {
                    value ??= _mapping.Source;
                }

                if (parameter == CustomApi.Type)
                {
                    value ??= _mapping.Type;
                    if (value != null && _mapping.Types.TryGetValue(value, out var translated))
                    {
                        value = translated;
                    }
                }

                if (value == null)
                {
                    continue;
                }

                switch (parameter)
                {
                    case CustomApi.OccurredOn:
                        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                        {
                            return (record.Line, externalId, null, $"OccurredOn '{value}' is not a date and time such as 2026-05-01T09:30:00Z.");
                        }

                        request[parameter] = DateTime.SpecifyKind(at, DateTimeKind.Utc);
                        break;
                    case CustomApi.LeadId:
                        if (!Guid.TryParse(value, out var lead))
                        {
                            return (record.Line, externalId, null, $"LeadId '{value}' is not a lead id (a GUID).");
                        }

                        request[parameter] = lead;
                        break;
                    case CustomApi.DurationSeconds:
                        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
                        {
                            return (record.Line, externalId, null, $"DurationSeconds '{value}' is not a whole number.");
                        }

                        request[parameter] = seconds;
                        break;
                    default:
                        request[parameter] = value;
                        break;
                }
            }

            var extra = _mapping.ExtraColumns.Select(c => (c.Key, Value: Cell(c.Value))).Where(c => c.Value.Length > 0).ToList();
            if (extra.Count > 0)
            {
                request[CustomApi.Columns] = "{" + string.Join(",", extra.Select(c => JsonSerializer.Serialize(c.Key) + ":" + JsonValue(c.Value))) + "}";
            }

            return (record.Line, externalId, request, null);
        }

        /// <summary>A cell as a JSON value: a whole number, true or false as themselves, anything else as text.</summary>
        private static string JsonValue(string cell) =>
            int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) || cell is "true" or "false" ? cell : JsonSerializer.Serialize(cell);

        private static string Field(string text) => text.IndexOfAny(new[] { ',', '"', '\n' }) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        private static string OneLine(string message) => string.Join(" ", message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

        /// <summary>The state file: which file, and the summary after its last finished batch.</summary>
        private sealed record State(string Fingerprint, ImportSummary Summary);
    }
}
