namespace LeadScoring.SolutionTool.Validation
{
    /// <summary>
    /// An element (or, written "@name", an attribute) current exports write under Parent that the 9.0
    /// schema does not declare there, and the real export that shows it.
    /// </summary>
    public sealed record AllowedElement(string Parent, string Element, string Why)
    {
        public bool IsAttribute => Element.StartsWith('@');
    }
}
