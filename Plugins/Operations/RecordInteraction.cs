using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadScoring.Dataverse;
using ScoringException = LeadScoring.Engine.ScoringException;
using LeadScoring.Platform;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Operations
{
    /// <summary>
    /// Records a marketing interaction from another system, once per source and external id, for the
    /// right lead: the lead id given, else the open lead with the email address (emailaddress1, 2 or 3).
    /// When no open lead has the address, ls_UnmatchedInteractions decides: create a lead (CreateLead)
    /// or keep the interaction unmatched (Hold) until a lead with the address appears
    /// (<see cref="AttachUnmatched"/>). Scoring is not done here: the registered ls_interaction steps
    /// score the interaction when it is created for a lead or attached to one.
    /// The interaction and any new lead are written as the caller, so the platform checks their
    /// privileges; matching reads as SYSTEM, so a caller who cannot see a lead does not create a second one.
    /// An interaction for a lead is owned by the lead's owner (read as SYSTEM), so it is visible to whoever
    /// sees the lead; an unmatched one stays the caller's until it is attached and given the lead's owner.
    /// </summary>
    public sealed class RecordInteraction
    {
        public const int MaxSource = 100;
        public const int MaxExternalId = 200;
        public const int MaxName = 200;
        public const int MaxUrl = 2000;
        public const int MaxEmailAddress = 100;

        /// <summary>Sources' clocks run a little ahead sometimes; an interaction further in the future than this is refused.</summary>
        public static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);

        /// <summary>Columns the request's own parameters set; Columns may not set them.</summary>
        private static readonly HashSet<string> Managed = new(StringComparer.OrdinalIgnoreCase)
        {
            InteractionColumns.Id, InteractionColumns.Name, InteractionColumns.Type, InteractionColumns.LeadId, InteractionColumns.Url,
            InteractionColumns.DurationSeconds, InteractionColumns.OccurredOn, InteractionColumns.Source, InteractionColumns.ExternalId,
            InteractionColumns.EmailAddress, "ownerid", "statecode", "statuscode", "createdon", "createdby", "modifiedon", "modifiedby", "overriddencreatedon",
        };

        private readonly IOrganizationService _asCaller;
        private readonly IOrganizationService _asSystem;

        private RecordInteraction(IOrganizationService asCaller, IOrganizationService asSystem)
        {
            _asCaller = asCaller;
            _asSystem = asSystem;
        }

        /// <summary>ls_RecordInteraction: the interaction recorded (or found), as the caller.</summary>
        public static RecordedInteraction Run(ScoringServices services, InteractionInput input) =>
            new RecordInteraction(services.UserService, services.SystemService).Record(input, services.Now);

        /// <summary>A lead appeared or changed its address: the interactions waiting for it are attached (as SYSTEM) and given the lead's owner; returns how many.</summary>
        /// <param name="leadOwner">The lead's owner (the step's image has it); read from the lead when null.</param>
        public static int Attach(ScoringServices services, Guid leadId, EntityReference? leadOwner, IEnumerable<string> addresses) =>
            new RecordInteraction(services.SystemService, services.SystemService).AttachUnmatched(leadId, leadOwner, addresses);

        private RecordedInteraction Record(InteractionInput input, DateTime now)
        {
            var row = Validate(input, now, out var email);
            string source = (string)row[InteractionColumns.Source];
            string externalId = (string)row[InteractionColumns.ExternalId];

            var existing = Find(source, externalId);
            if (existing != null)
            {
                return new RecordedInteraction(existing.Id, false, existing.GetAttributeValue<EntityReference>(InteractionColumns.LeadId)?.Id, false);
            }

            Guid? lead = input.LeadId;
            EntityReference? owner = null;
            bool leadCreated = false;
            if (lead == null)
            {
                var open = OpenLeadWith(email!);
                lead = open?.Id;
                owner = open?.GetAttributeValue<EntityReference>(LeadColumns.OwnerId);
                if (lead == null && EnvironmentVariables.Read(_asSystem, EnvironmentVariableNames.UnmatchedInteractions, EnvironmentVariableNames.Hold)
                        .Equals(EnvironmentVariableNames.CreateLead, StringComparison.OrdinalIgnoreCase))
                {
                    lead = CreateLead(email!, source, input.LeadSource);
                    leadCreated = true;
                }
            }
            else
            {
                owner = (LeadById(lead.Value) ?? throw Bad(OperationMessages.NoSuchLead(lead.Value))).GetAttributeValue<EntityReference>(LeadColumns.OwnerId);
            }

            if (lead != null)
            {
                row[InteractionColumns.LeadId] = new EntityReference(LeadColumns.Table, lead.Value);
            }

            LeadRecord.OwnedByLeadOwner(row, owner);

            var id = _asCaller.Create(row);
            return new RecordedInteraction(id, true, lead, leadCreated);
        }

        private int AttachUnmatched(Guid leadId, EntityReference? owner, IEnumerable<string> addresses)
        {
            var normalized = addresses.Select(Normalize).Where(a => a.Length > 0).Distinct().ToArray();
            if (normalized.Length == 0)
            {
                return 0;
            }

            var query = new QueryExpression(InteractionColumns.Table) { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition(InteractionColumns.EmailAddress, ConditionOperator.In, normalized.Cast<object>().ToArray());
            query.Criteria.AddCondition(InteractionColumns.LeadId, ConditionOperator.Null);
            int attached = 0;
            foreach (var interaction in Paging.RetrieveAll(_asSystem, query))
            {
                owner ??= LeadById(leadId)?.GetAttributeValue<EntityReference>(LeadColumns.OwnerId);
                var update = new Entity(InteractionColumns.Table, interaction.Id);
                update[InteractionColumns.LeadId] = new EntityReference(LeadColumns.Table, leadId);
                LeadRecord.OwnedByLeadOwner(update, owner); // now the lead's: visible to whoever sees the lead
                _asSystem.Update(update);
                attached++;
            }

            return attached;
        }

        /// <summary>Email addresses are compared trimmed and in lower case (Dataverse's text comparisons ignore case too).</summary>
        public static string Normalize(string? address) => (address ?? "").Trim().ToLowerInvariant();

        /// <summary>The type as a label ("Asset download") or a value ("100000001"), or null when it is neither.</summary>
        public static int? TypeValue(string? type)
        {
            var text = (type ?? "").Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return InteractionTypeValues.Labels.Any(l => l.Key == value) ? value : null;
            }

            var match = InteractionTypeValues.Labels.FirstOrDefault(l => string.Equals(l.Value, text, StringComparison.OrdinalIgnoreCase));
            return match.Value == null ? null : match.Key;
        }

        private static Entity Validate(InteractionInput input, DateTime now, out string? email)
        {
            var row = new Entity(InteractionColumns.Table);
            row[InteractionColumns.Type] = new OptionSetValue(TypeValue(input.Type) ?? throw Bad(OperationMessages.InteractionType(input.Type)));
            row[InteractionColumns.Source] = Required(input.Source, "Source", MaxSource, "the system that recorded the interaction, such as \"webinar-platform\"");
            row[InteractionColumns.ExternalId] = Required(input.ExternalId, "ExternalId", MaxExternalId, "the source's own id of the interaction, so a retry records nothing twice");

            var occurredOn = input.OccurredOn.HasValue ? DateTime.SpecifyKind(input.OccurredOn.Value, DateTimeKind.Utc) : now;
            if (occurredOn > now + FutureTolerance)
            {
                throw Bad(OperationMessages.InTheFuture(occurredOn));
            }

            row[InteractionColumns.OccurredOn] = occurredOn;
            var name = Optional(input.Name, "Name", MaxName);
            var url = Optional(input.Url, "Url", MaxUrl);
            if (name == null && url == null)
            {
                throw Bad(OperationMessages.NameOrUrl);
            }

            if (url != null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")))
            {
                throw Bad(OperationMessages.NotAUrl(url));
            }

            row[InteractionColumns.Name] = name ?? Shorten(url!, MaxName);
            if (url != null)
            {
                row[InteractionColumns.Url] = url;
            }

            email = Optional(input.EmailAddress, "EmailAddress", MaxEmailAddress);
            if (email != null)
            {
                email = Normalize(email);
                int at = email.IndexOf('@');
                int dot = email.LastIndexOf('.');
                if (at <= 0 || at != email.LastIndexOf('@') || dot < at + 2 || dot == email.Length - 1 || email.Any(char.IsWhiteSpace))
                {
                    throw Bad(OperationMessages.NotAnEmailAddress(input.EmailAddress));
                }

                row[InteractionColumns.EmailAddress] = email;
            }

            if (input.LeadId == null && email == null)
            {
                throw Bad(OperationMessages.LeadOrEmail);
            }

            if (input.LeadId == Guid.Empty)
            {
                throw Bad(OperationMessages.EmptyLeadId);
            }

            if (input.DurationSeconds is int seconds)
            {
                row[InteractionColumns.DurationSeconds] = seconds >= 0 ? seconds : throw Bad(OperationMessages.NegativeDuration(seconds));
            }

            if (input.LeadSource != null && LeadSource(input.LeadSource) == null)
            {
                throw Bad(OperationMessages.NotALeadSource(input.LeadSource));
            }

            if (!string.IsNullOrWhiteSpace(input.Columns))
            {
                IReadOnlyList<KeyValuePair<string, object>> extra;
                try
                {
                    extra = ExtraColumns.Parse(input.Columns!);
                }
                catch (FormatException e)
                {
                    throw Bad(e.Message);
                }

                foreach (var column in extra)
                {
                    if (Managed.Contains(column.Key))
                    {
                        throw Bad(OperationMessages.ManagedColumn(column.Key));
                    }

                    if (column.Key.Length == 0 || !column.Key.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
                    {
                        throw Bad(OperationMessages.NotAColumnName(column.Key));
                    }

                    row[column.Key] = column.Value;
                }
            }

            return row;
        }

        private Entity? Find(string source, string externalId)
        {
            var query = new QueryExpression(InteractionColumns.Table) { ColumnSet = new ColumnSet(InteractionColumns.LeadId), TopCount = 1 };
            query.Criteria.AddCondition(InteractionColumns.Source, ConditionOperator.Equal, source);
            query.Criteria.AddCondition(InteractionColumns.ExternalId, ConditionOperator.Equal, externalId);
            return _asSystem.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        /// <summary>The open lead with the address in any of its address columns; the oldest when several have it.</summary>
        private Entity? OpenLeadWith(string email)
        {
            var query = new QueryExpression(LeadColumns.Table) { ColumnSet = new ColumnSet(LeadColumns.OwnerId), TopCount = 1 };
            query.Criteria.AddCondition(LeadColumns.StateCode, ConditionOperator.Equal, 0);
            var any = query.Criteria.AddFilter(LogicalOperator.Or);
            foreach (var column in LeadColumns.EmailAddresses)
            {
                any.AddCondition(column, ConditionOperator.Equal, email);
            }

            query.AddOrder("createdon", OrderType.Ascending);
            return _asSystem.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        /// <summary>The lead with its owner, or null when there is none (a query, so a missing lead is not a fault).</summary>
        private Entity? LeadById(Guid lead)
        {
            var query = new QueryExpression(LeadColumns.Table) { ColumnSet = new ColumnSet(LeadColumns.OwnerId), TopCount = 1 };
            query.Criteria.AddCondition(LeadColumns.Id, ConditionOperator.Equal, lead);
            return _asSystem.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        private Guid CreateLead(string email, string source, string? leadSource)
        {
            var lead = new Entity(LeadColumns.Table);
            lead[LeadColumns.EmailAddresses[0]] = email;
            lead[LeadColumns.LastName] = email.Substring(0, email.IndexOf('@'));
            lead[LeadColumns.Subject] = Shorten("Interaction from " + source, 300);
            lead[LeadColumns.LeadSource] = new OptionSetValue(LeadSource(leadSource ?? source) ?? LeadSourceValues.Other);
            return _asCaller.Create(lead);
        }

        /// <summary>A leadsourcecode label ("Web", "trade show") or value ("8").</summary>
        private static int? LeadSource(string text)
        {
            var trimmed = text.Trim();
            if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value >= 1 && value <= LeadSourceValues.Labels.Count ? value : null;
            }

            for (int i = 0; i < LeadSourceValues.Labels.Count; i++)
            {
                if (string.Equals(LeadSourceValues.Labels[i], trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    return i + 1;
                }
            }

            return null;
        }

        private static string Required(string? value, string parameter, int max, string what)
        {
            return Optional(value, parameter, max) ?? throw Bad(OperationMessages.Required(parameter, what));
        }

        private static string? Optional(string? value, string parameter, int max)
        {
            var trimmed = (value ?? "").Trim();
            if (trimmed.Length > max)
            {
                throw Bad(OperationMessages.TooLong(parameter, max, trimmed.Length));
            }

            return trimmed.Length == 0 ? null : trimmed;
        }

        private static string Shorten(string text, int max) => text.Length <= max ? text : text.Substring(0, max);

        private static ScoringException Bad(string message) => new(message);
    }
}
