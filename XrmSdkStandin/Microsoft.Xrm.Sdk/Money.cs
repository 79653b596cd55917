// Reference §3.3: a currency amount; equal by Value.
namespace Microsoft.Xrm.Sdk;

public sealed class Money
{
    public Money()
    {
    }

    public Money(decimal value)
    {
        Value = value;
    }

    public decimal Value { get; set; }

    public override bool Equals(object obj) => obj is Money other && Value == other.Value;

    public override int GetHashCode() => Value.GetHashCode();
}
