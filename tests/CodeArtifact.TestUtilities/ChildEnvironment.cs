using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace CodeArtifact.TestUtilities;

/// <summary>
/// The environment of a child <c>dotnet</c> process that a test controls: nothing of the caller's
/// CodeArts variables (a developer's own credentials must not leak into a test), no MSBuild
/// settings left by MSBuildLocator, no MSBuild server or node reuse that would outlive the test,
/// one compiler server of the test process's own (<see cref="CompilerServer"/>), and plain English
/// output without banners so that assertions read what the tool printed.
/// </summary>
public static class ChildEnvironment
{
    private static readonly string[] InheritedPrefixesToDrop = ["HUAWEICLOUD_", "CODEARTIFACT_", "MSBUILD", "MSBuild"];

    /// <summary>Prepares <paramref name="start"/>'s environment, then applies <paramref name="overrides"/> (a null value removes the variable).</summary>
    public static void Apply(ProcessStartInfo start, IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        foreach (var name in start.Environment.Keys.Where(n => InheritedPrefixesToDrop.Any(p => n.StartsWith(p, StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in CompilerServer.Environment)
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in overrides ?? [])
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
    }

    /// <summary>The same variables with values typed as nullable, for <see cref="Apply"/>.</summary>
    [return: NotNullIfNotNull(nameof(variables))]
    public static IEnumerable<KeyValuePair<string, string?>>? Nullable(IEnumerable<KeyValuePair<string, string>>? variables) =>
        variables?.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value));
}
