// Reference §5.1: a response keeps its data in Results, keyed by the typed property's name.
namespace Microsoft.Xrm.Sdk;

public class OrganizationResponse
{
    private ParameterCollection _results;

    public string ResponseName { get; set; }

    /// <summary>Never null: created on first use.</summary>
    public ParameterCollection Results
    {
        get => _results ??= new ParameterCollection();
        set => _results = value;
    }

    public object this[string parameterName]
    {
        get => Results[parameterName];
        set => Results[parameterName] = value;
    }

    /// <summary>The typed properties' getter: default(T) when the result is absent.</summary>
    internal T Get<T>(string parameterName) =>
        Results.TryGetValue(parameterName, out object value) && value != null ? (T)value : default;
}
