using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace CodeArtifact.Build.Tests.Infrastructure;

/// <summary>
/// Registers the SDK's MSBuild before any Microsoft.Build type loads: the task assembly and the
/// evaluation tests then bind to the MSBuild that `dotnet build` itself uses.
/// </summary>
internal static class MSBuildSetup
{
    [ModuleInitializer]
    internal static void RegisterMSBuild()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
