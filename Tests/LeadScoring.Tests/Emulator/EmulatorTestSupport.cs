using System;
using System.IO;
using System.ServiceModel;
using LeadScoring.Emulator;
using Microsoft.Xrm.Sdk;

namespace LeadScoring.Tests.Emulator
{
    internal static class Orgs
    {
        /// <summary>A fresh organization with the steps and Custom APIs of the given files in Emulator/Configs.</summary>
        public static EmulatedOrganization With(params string[] configFiles)
        {
            var organization = new EmulatedOrganization();
            foreach (var file in configFiles)
            {
                organization.LoadPacConfig(ConfigPath(file), typeof(Orgs).Assembly);
            }
            return organization;
        }

        public static string ConfigPath(string file) => Path.Combine(AppContext.BaseDirectory, "Emulator", "Configs", file);

        /// <summary>Asserts the action fails the way the platform does: a FaultException carrying this error code.</summary>
        public static FaultException<OrganizationServiceFault> AssertFault(int errorCode, Action action)
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(action);
            Assert.Equal(errorCode, fault.Detail.ErrorCode);
            return fault;
        }
    }
}
