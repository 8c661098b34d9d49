using System.Diagnostics;

namespace Cake.CodeArtifact;

/// <summary>Guards for programming errors (a null context or settings object), called first in every public member.</summary>
internal static class ArgumentChecks
{
    [DebuggerStepThrough]
    public static void NotNull<T>(this T? value, string parameterName)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }
    }
}
