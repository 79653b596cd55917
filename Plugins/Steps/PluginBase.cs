using System;
using System.Diagnostics;
using System.ServiceModel;
using LeadScoring.Engine;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Steps
{
    /// <summary>
    /// The shell every plug-in shares: build the local context, trace entry, exit and duration, and
    /// turn the product's own errors into the message a user sees. Plug-ins stay stateless: nothing
    /// per execution is kept in fields (the platform reuses instances across threads).
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
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
