using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.ServiceModel;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Platform
{
    /// <summary>
    /// The shell every plug-in shares: each class declares the events it handles; the base builds the
    /// local context, traces entry, exit and duration, returns (with a trace) on an event the class does
    /// not declare, and turns the product's own errors into the message a user sees. Plug-ins stay
    /// stateless: nothing per execution is kept in fields (the platform reuses instances across threads).
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        /// <summary>The events this class handles; pac-config.json registers exactly these (a test checks both ways).</summary>
        public abstract IReadOnlyList<PluginEvent> Events { get; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
            {
                throw new InvalidPluginExecutionException("The plug-in was called without a service provider.");
            }

            var local = new LocalPluginContext(serviceProvider);
            var context = local.Context;
            var watch = Stopwatch.StartNew();
            local.Trace("{0}: {1} of {2} {3}, stage {4}, mode {5}, depth {6}, correlation {7}.", GetType().Name, context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId, context.Stage, context.Mode, context.Depth, context.CorrelationId);
            if (!Events.Any(e => e.Message == context.MessageName && e.Table == context.PrimaryEntityName && e.Stage == context.Stage && e.Async == (context.Mode == 1)))
            {
                local.Trace("{0} does not handle this event (it handles: {1}); nothing done.", GetType().Name, string.Join("; ", Events));
                return;
            }

            try
            {
                ExecuteStep(local);
            }
            catch (ScoringException e)
            {
                // Bad input the user can fix (an invalid rule, a hand-back without reason): show the message as it is.
                throw new InvalidPluginExecutionException(e.Message, e);
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                local.Trace("Service fault {0}: {1}", fault.Detail?.ErrorCode ?? 0, fault.Detail?.Message ?? fault.Message);
                throw new InvalidPluginExecutionException("Lead scoring could not finish: " + (fault.Detail?.Message ?? fault.Message), fault);
            }
            finally
            {
                local.Trace("{0}: done in {1} ms.", GetType().Name, watch.ElapsedMilliseconds);
            }
        }

        protected abstract void ExecuteStep(LocalPluginContext local);
    }
}
