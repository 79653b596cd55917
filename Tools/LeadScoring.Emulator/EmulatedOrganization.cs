using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Emulator
{
    // Why: the one object tests, the workbench and benchmarks hold: an in-memory Dataverse
    // organization with the plug-in pipeline. This file is its public face: services for callers,
    // registration from pac-config.json, fixtures (users and roles, seeded rows, alternate keys),
    // and what it recorded (plug-in executions, call counts, system jobs, injected faults).
    // The pipeline itself is in Pipeline.cs. Not thread-safe: use one organization per thread.

    /// <summary>An in-memory Dataverse organization that runs registered plug-ins like the platform.</summary>
    public sealed partial class EmulatedOrganization
    {
        private readonly Store store = new();

        /// <summary>An organization with a root business unit, the SYSTEM user and an administrator.</summary>
        public EmulatedOrganization(string organizationName = "Emulated Organization")
        {
            OrganizationName = organizationName;
            RootBusinessUnitId = Seed(new Entity("businessunit") { ["name"] = organizationName });
            SystemUserId = Seed(new Entity("systemuser") { ["fullname"] = "SYSTEM", ["businessunitid"] = RootBusinessUnit });
            AdminUserId = AddUser("Emulator Administrator", "System Administrator");
            Service = ServiceAs(AdminUserId);
        }

        public Guid OrganizationId { get; } = Guid.NewGuid();
        public string OrganizationName { get; }
        public Guid RootBusinessUnitId { get; }

        /// <summary>The user that <c>CreateOrganizationService(null)</c> runs as inside plug-ins.</summary>
        public Guid SystemUserId { get; }

        /// <summary>The user <see cref="Service"/> calls as.</summary>
        public Guid AdminUserId { get; }

        /// <summary>The clock behind createdon/modifiedon and every context's OperationCreatedOn.</summary>
        public Clock Clock { get; } = new();

        /// <summary>The organization service, called as <see cref="AdminUserId"/> from outside any plug-in (depth 1).</summary>
        public IOrganizationService Service { get; }

        /// <summary>The organization service called as another user (for example one made with <see cref="AddUser"/>).</summary>
        public IOrganizationService ServiceAs(Guid userId) => new OrganizationService(this, new Caller(userId, userId, null, null));

        private EntityReference RootBusinessUnit => new("businessunit", RootBusinessUnitId);

        // ---- Registration --------------------------------------------------------------------

        /// <summary>Registers the steps and Custom APIs of a pac-config.json file; plug-in types are found by full name in the given assemblies.</summary>
        public void LoadPacConfig(string path, params Assembly[] pluginAssemblies) => Register(PacConfig.Read(path), path, pluginAssemblies);

        /// <summary>Like <see cref="LoadPacConfig"/>, from the file's text.</summary>
        public void LoadPacConfigJson(string json, params Assembly[] pluginAssemblies) => Register(PacConfig.Parse(json, "pac-config JSON"), "pac-config JSON", pluginAssemblies);

        private void Register(PacConfigFile config, string source, Assembly[] assemblies)
        {
            if (assemblies.Length == 0)
            {
                throw new PacConfigException($"{source}: pass the assemblies that contain the plug-in types.");
            }
            var newSteps = config.Steps.Select((s, i) => PacConfig.ToRegistration(s, steps.Count + i, assemblies)).ToList();
            var newApis = config.CustomApis.Select(a => PacConfig.ToCustomApi(a, assemblies)).ToList();
            foreach (var api in newApis.Where(a => customApis.ContainsKey(a.UniqueName) || newApis.Count(b => b.UniqueName == a.UniqueName) > 1))
            {
                throw new PacConfigException($"{source}: Custom API '{api.UniqueName}' is registered twice.");
            }
            steps.AddRange(newSteps);
            foreach (var step in newSteps)
            {
                // The registration is also a row, as on the platform, so code can read or change
                // a step's filtering attributes; the pipeline reads them from the row.
                Seed(new Entity(StepTable, step.Id)
                {
                    ["name"] = step.Name,
                    ["stage"] = new OptionSetValue(step.Stage),
                    ["mode"] = new OptionSetValue(step.Async ? 1 : 0),
                    ["rank"] = step.Rank,
                    ["filteringattributes"] = step.FilteringAttributes.Length == 0 ? null : string.Join(",", step.FilteringAttributes),
                });
            }

            foreach (var api in newApis)
            {
                customApis.Add(api.UniqueName, api);
            }
        }

        /// <summary>The names of the registered steps, in registration order.</summary>
        public IReadOnlyList<string> RegisteredSteps => steps.Select(s => s.Name).ToList();

        /// <summary>The unique names of the registered Custom APIs.</summary>
        public IReadOnlyList<string> RegisteredCustomApis => customApis.Keys.ToList();

        // ---- Fixtures ------------------------------------------------------------------------

        /// <summary>
        /// Marks a table as one without optimistic concurrency (IsOptimisticConcurrencyEnabled false): an
        /// update or delete with IfRowVersionMatches on it fails with OptimisticConcurrencyNotEnabled. Custom
        /// tables and standard tables enabled for offline sync support it, so every table does by default.
        /// https://learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency
        /// </summary>
        public void DisableOptimisticConcurrency(string table) => withoutOptimisticConcurrency.Add(table);

        /// <summary>
        /// Adds a user (systemuser) with security roles: role rows are created when missing (by name)
        /// and linked through systemuserroles (systemuserid, roleid), so plug-ins can query a user's
        /// roles with QueryExpression and LinkEntity as on a real org. Returns the user's id.
        /// </summary>
        public Guid AddUser(string fullName, params string[] roleNames) => AddUser(fullName, RootBusinessUnitId, roleNames);

        /// <summary>Adds a user in a business unit (see <see cref="AddBusinessUnit"/>) with security roles. Returns the user's id.</summary>
        public Guid AddUser(string fullName, Guid businessUnitId, params string[] roleNames)
        {
            var space = fullName.IndexOf(' ', StringComparison.Ordinal);
            var userId = Seed(new Entity("systemuser")
            {
                ["fullname"] = fullName,
                ["firstname"] = space > 0 ? fullName[..space] : null,
                ["lastname"] = space > 0 ? fullName[(space + 1)..] : fullName,
                ["businessunitid"] = new EntityReference("businessunit", businessUnitId),
                ["isdisabled"] = false,
            });
            foreach (var roleName in roleNames)
            {
                AssignRole(userId, roleName);
            }
            return userId;
        }

        /// <summary>
        /// Stores a row directly, as a data import would: no plug-ins run and nothing is counted.
        /// The id, createdon, modifiedon and ownerid given are kept; the rest is filled as Create does.
        /// Returns the row's id.
        /// </summary>
        public Guid Seed(Entity row)
        {
            ArgumentNullException.ThrowIfNull(row);
            var copy = Values.Clone(row);
            var primaryKey = Store.PrimaryIdAttribute(copy.LogicalName);
            if (copy.Id == Guid.Empty)
            {
                copy.Id = copy.Attributes.TryGetValue(primaryKey, out var given) && given is Guid g && g != Guid.Empty ? g : store.NewId();
            }
            if (store.Find(copy.LogicalName, copy.Id) != null)
            {
                throw Faults.DuplicateKey(copy.LogicalName, $"a record with id {copy.Id} already exists.");
            }
            copy[primaryKey] = copy.Id;
            copy.KeyAttributes.Clear();
            Stamp(copy, AdminUserIdOrSystem, created: true, keepGivenDates: true);
            store.Put(new Transaction(), copy);
            return copy.Id;
        }

        private Guid AdminUserIdOrSystem => AdminUserId != Guid.Empty ? AdminUserId : SystemUserId;

        /// <summary>A copy of a stored row with all its columns, or null; not counted as a service call.</summary>
        public Entity? GetRow(string table, Guid id)
        {
            var row = store.Find(table, id);
            return row == null ? null : Values.Clone(row);
        }

        /// <summary>Copies of all rows of a table; not counted as service calls.</summary>
        public IReadOnlyList<Entity> GetRows(string table) => store.Scan(table).Select(Values.Clone).ToList();

        public int RowCount(string table) => store.Count(table);

        // ---- What happened -------------------------------------------------------------------

        /// <summary>Every plug-in run, in the order they started (synchronous, asynchronous and Custom API).</summary>
        public IReadOnlyList<PluginExecution> Executions => executions;

        /// <summary>Service calls by message name, from all callers (tests and plug-ins).</summary>
        public IReadOnlyDictionary<string, int> CallCounts => callCounts;

        /// <summary>Service calls by message name and table ("RetrieveMultiple ls_scoringrule"; the message alone when there is no table).</summary>
        public IReadOnlyDictionary<string, int> CallCountsByTable => callCountsByTable;

        /// <summary>All service calls so far.</summary>
        public long TotalCalls { get; private set; }

        /// <summary>Forgets executions and call counts (rows, jobs and registrations stay).</summary>
        public void ResetDiagnostics()
        {
            executions.Clear();
            callCounts.Clear();
            callCountsByTable.Clear();
        }

        // ---- The asynchronous service --------------------------------------------------------

        /// <summary>
        /// Forgets finished system jobs (succeeded or failed), as the platform's bulk-delete of completed
        /// system jobs does; waiting jobs stay. Long replays call it with ResetDiagnostics so that memory
        /// holds the data, not the history of every execution. Returns how many were forgotten.
        /// </summary>
        public int ForgetFinishedJobs() => systemJobs.RemoveAll(j => j.Status != SystemJobStatus.Waiting);

        /// <summary>Jobs waiting to run, oldest first.</summary>
        public IReadOnlyList<SystemJob> PendingJobs => queue.ToList();

        /// <summary>Every job ever queued, with its status, attempts and failure message.</summary>
        public IReadOnlyList<SystemJob> SystemJobs => systemJobs;

        /// <summary>
        /// Runs waiting jobs, oldest first, until none is left (including jobs that running jobs queue).
        /// A failure is recorded on its job, not thrown. Returns how many runs were made.
        /// </summary>
        public int DrainAsyncQueue()
        {
            var runs = 0;
            while (queue.Count > 0)
            {
                RunQueuedJob(queue[0]);
                runs++;
            }
            return runs;
        }

        /// <summary>Runs one chosen waiting job now (to interleave jobs and calls in a chosen order).</summary>
        public void RunJob(SystemJob job)
        {
            ArgumentNullException.ThrowIfNull(job);
            RunQueuedJob(job);
        }

        /// <summary>
        /// Delivers a finished job once more with the same context, as the asynchronous service may
        /// (delivery is at least once: a host that dies after the work but before recording it).
        /// Learn: https://learn.microsoft.com/power-apps/developer/data-platform/asynchronous-service
        /// </summary>
        public void RedeliverJob(SystemJob job)
        {
            ArgumentNullException.ThrowIfNull(job);
            if (job.Status == SystemJobStatus.Waiting)
            {
                throw new InvalidOperationException($"{job} is still waiting; run it with RunJob.");
            }

            queue.Add(job);
            job.Status = SystemJobStatus.Waiting;
            RunQueuedJob(job);
        }

        // ---- Fault injection -----------------------------------------------------------------

        /// <summary>
        /// Makes service calls that match the predicate throw the fault instead of running
        /// (<paramref name="times"/> of them, or all when null). The call still counts.
        /// </summary>
        public FaultRule FailCalls(Func<ServiceCall, bool> predicate, Exception fault, int? times = null)
        {
            var rule = new FaultRule(predicate, () => fault, times);
            faultRules.Add(rule);
            return rule;
        }

        /// <summary>Makes the n-th service call from now (1 = the next one) throw the fault.</summary>
        public FaultRule FailNthCall(int n, Exception fault)
        {
            if (n < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(n), "1 means the next call.");
            }
            var number = TotalCalls + n;
            return FailCalls(call => call.Number == number, fault, 1);
        }
    }
}
