using System;

namespace LeadScoring.Workbench
{
    /// <summary>
    /// An expected failure caused by the user's input (a missing file, malformed JSON, an unknown
    /// column…). The command line turns it into one line on stderr and a non-zero exit code.
    /// </summary>
    internal sealed class WorkbenchException : Exception
    {
        public WorkbenchException(string message)
            : base(message)
        {
        }

        public WorkbenchException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
