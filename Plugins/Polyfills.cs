#if NETFRAMEWORK
namespace System.Runtime.CompilerServices
{
    // Lets C# records and init-only setters compile for .NET Framework 4.6.2.
    internal static class IsExternalInit
    {
    }
}
#endif
