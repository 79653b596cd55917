// Display labels of metadata (a choice option's text).
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.label
// https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.localizedlabel
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk;

public sealed class Label
{
    // As in the real assembly, the constructor does not set UserLocalizedLabel: a server response does.
    public Label(string label, int languageCode)
    {
        _ = label;
        _ = languageCode;
    }

    public LocalizedLabel UserLocalizedLabel { get; set; } = null!;
}

public sealed class LocalizedLabel : MetadataBase
{
    public LocalizedLabel(string label, int languageCode)
    {
        Label = label;
        _ = languageCode;
    }

    public string Label { get; set; }
}
