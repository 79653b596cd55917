// Reference §3.3: a choice value; equal by Value.
namespace Microsoft.Xrm.Sdk;

public sealed class OptionSetValue
{
    public OptionSetValue()
    {
    }

    public OptionSetValue(int value)
    {
        Value = value;
    }

    public int Value { get; set; }

    public override bool Equals(object obj) => obj is OptionSetValue other && Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode();
}
