// Reference §5.1: a request keeps its data in Parameters, keyed by the typed property's name.
using System;

namespace Microsoft.Xrm.Sdk;

public class OrganizationRequest
{
    private ParameterCollection _parameters;

    public OrganizationRequest()
    {
    }

    public OrganizationRequest(string requestName)
    {
        RequestName = requestName;
    }

    public string RequestName { get; set; }

    public Guid? RequestId { get; set; }

    /// <summary>Never null: created on first use.</summary>
    public ParameterCollection Parameters
    {
        get => _parameters ??= new ParameterCollection();
        set => _parameters = value;
    }

    public object this[string parameterName]
    {
        get => Parameters[parameterName];
        set => Parameters[parameterName] = value;
    }

    /// <summary>The typed properties' getter: default(T) when the parameter is absent.</summary>
    internal T Get<T>(string parameterName) =>
        Parameters.TryGetValue(parameterName, out object value) && value != null ? (T)value : default;
}
