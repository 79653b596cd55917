using System;
using System.ServiceModel;
using System.Threading;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadScoring.Workbench.Connection
{
    /// <summary>
    /// Dataverse's service protection limits (Learn: https://learn.microsoft.com/power-apps/developer/data-platform/api-limits):
    /// a throttled request fails with an OrganizationServiceFault of one of three codes, and — for
    /// the request and execution-time limits — "Retry-After" in its ErrorDetails says how long to
    /// wait. A throttled request was not run, so sending it again is safe.
    /// </summary>
    internal static class ServiceProtection
    {
        /// <summary>0x80072322: number of requests exceeded the limit over the time window.</summary>
        public const int RequestsExceeded = -2147015902;

        /// <summary>0x80072321: combined execution time exceeded the limit over the time window.</summary>
        public const int ExecutionTimeExceeded = -2147015903;

        /// <summary>0x80072326: number of concurrent requests exceeded the limit.</summary>
        public const int ConcurrentRequestsExceeded = -2147015898;

        public const string RetryAfter = "Retry-After";

        public static bool IsThrottling(FaultException<OrganizationServiceFault> fault) =>
            fault.Detail?.ErrorCode is RequestsExceeded or ExecutionTimeExceeded or ConcurrentRequestsExceeded;

        /// <summary>How long to wait before attempt <paramref name="attempt"/> + 1: the fault's Retry-After, else 1, 2, 4, … seconds (at most a minute).</summary>
        public static TimeSpan Delay(FaultException<OrganizationServiceFault> fault, int attempt) =>
            fault.Detail?.ErrorDetails is { } details && details.TryGetValue(RetryAfter, out var value) && value is TimeSpan wait && wait > TimeSpan.Zero
                ? wait
                : TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt - 1)));
    }

    /// <summary>
    /// An organization service that sends a throttled request again after the wait the platform
    /// asks for, up to <see cref="MaxAttempts"/> times; any other failure goes to the caller at once.
    /// The wait is injectable, so tests prove the back-off without sleeping.
    /// </summary>
    internal sealed class RetryingOrganizationService : IOrganizationService, IDisposable
    {
        public const int DefaultMaxAttempts = 6;

        private readonly IOrganizationService _inner;
        private readonly Action<TimeSpan> _wait;
        private readonly Action<TimeSpan, int>? _onRetry;

        public RetryingOrganizationService(IOrganizationService inner, int maxAttempts = DefaultMaxAttempts, Action<TimeSpan>? wait = null, Action<TimeSpan, int>? onRetry = null)
        {
            _inner = inner;
            MaxAttempts = maxAttempts;
            _wait = wait ?? Thread.Sleep;
            _onRetry = onRetry;
        }

        public int MaxAttempts { get; }

        /// <summary>Requests sent again after throttling, over the service's life.</summary>
        public int Retries { get; private set; }

        public Guid Create(Entity entity) => Call(() => _inner.Create(entity));

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => Call(() => _inner.Retrieve(entityName, id, columnSet));

        public void Update(Entity entity) => Call(() => { _inner.Update(entity); return true; });

        public void Delete(string entityName, Guid id) => Call(() => { _inner.Delete(entityName, id); return true; });

        public OrganizationResponse Execute(OrganizationRequest request) => Call(() => _inner.Execute(request));

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Call(() => { _inner.Associate(entityName, entityId, relationship, relatedEntities); return true; });

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            Call(() => { _inner.Disassociate(entityName, entityId, relationship, relatedEntities); return true; });

        public EntityCollection RetrieveMultiple(QueryBase query) => Call(() => _inner.RetrieveMultiple(query));

        /// <summary>Closes the connection underneath, when it has one to close.</summary>
        public void Dispose() => (_inner as IDisposable)?.Dispose();

        private T Call<T>(Func<T> request)
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return request();
                }
                catch (FaultException<OrganizationServiceFault> fault) when (ServiceProtection.IsThrottling(fault) && attempt < MaxAttempts)
                {
                    var delay = ServiceProtection.Delay(fault, attempt);
                    Retries++;
                    _onRetry?.Invoke(delay, attempt);
                    _wait(delay);
                }
            }
        }
    }
}
