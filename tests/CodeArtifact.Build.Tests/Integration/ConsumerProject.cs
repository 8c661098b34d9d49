using System.Text.RegularExpressions;

namespace CodeArtifact.Build.Tests.Integration;

/// <summary>
/// A project in a temporary folder that references the packed CodeArtifact.Build from the local
/// feed, built with `dotnet build` as a CI job would: connection and secrets in the environment.
/// </summary>
internal sealed partial class ConsumerProject
{
    private readonly PackageFixture _package;

    public ConsumerProject(PackageFixture package, string name, string body)
    {
        _package = package;
        Directory = Path.Combine(package.Root, name);
        System.IO.Directory.CreateDirectory(Directory);
        ProjectFile = Path.Combine(Directory, name + ".csproj");
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>disable</ImplicitUsings>
                <CodeArtifactMaxRetries>0</CodeArtifactMaxRetries>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CodeArtifact.Build" Version="{package.Version}" />
              </ItemGroup>
            {body}
            </Project>
            """);
        Environment = new Dictionary<string, string>
        {
            ["CODEARTIFACT_ENDPOINT"] = package.Emulator.Endpoint.ToString(),
            ["CODEARTIFACT_TENANT_ID"] = package.Emulator.Identity.TenantId,
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = package.Emulator.Identity.ProjectId,
            ["HUAWEICLOUD_SDK_AK"] = package.Emulator.Identity.AccessKey,
            ["HUAWEICLOUD_SDK_SK"] = package.Emulator.Identity.SecretKey,
        };
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    /// <summary>The environment of each build (a CI system's variables); tests change it as they need.</summary>
    public Dictionary<string, string> Environment { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>Runs `dotnet build` on the project with <paramref name="arguments"/> after the usual ones.</summary>
    public async Task<DotnetResult> BuildAsync(params string[] arguments)
    {
        var result = await DotnetProcess.RunAsync(
            Directory,
            ["build", ProjectFile, "-nodeReuse:false", "-tl:off", "-v:n", .. RestoreOnce(arguments), .. arguments],
            Environment);
        AssertNoCrash(result);
        return result;
    }

    /// <summary>
    /// Runs `dotnet build` as a CI job does by default: the console logger (output redirected) at
    /// its default, minimal verbosity, where only errors, warnings and high-importance messages show.
    /// </summary>
    public async Task<DotnetResult> BuildAtDefaultVerbosityAsync(params string[] arguments)
    {
        var result = await DotnetProcess.RunAsync(
            Directory,
            ["build", ProjectFile, "-nodeReuse:false", "-tl:off", .. RestoreOnce(arguments), .. arguments],
            Environment);
        AssertNoCrash(result);
        return result;
    }

    /// <summary>
    /// The first build restores, as `dotnet build` does; later ones skip the restore, which has
    /// nothing new to do (the project file and the package do not change) and costs about half a
    /// second of CPU per build.
    /// </summary>
    private string[] RestoreOnce(string[] arguments) =>
        File.Exists(Path.Combine(Directory, "obj", "project.assets.json")) && !arguments.Contains("--no-restore") ? ["--no-restore"] : [];

    /// <summary>The value printed as <c>NAME=[value]</c> by a Message in the project (the last one).</summary>
    public static string Printed(DotnetResult result, string name)
    {
        var matches = Regex.Matches(result.Output, Regex.Escape(name) + @"=\[(?<value>[^\]]*)\]");
        Assert.True(matches.Count > 0, $"{name}=[…] was not printed:{System.Environment.NewLine}{result}");
        return matches[^1].Groups["value"].Value;
    }

    /// <summary>The CART codes of the errors in the output.</summary>
    public static IReadOnlyList<string> ErrorCodes(DotnetResult result) =>
        ErrorLine().Matches(result.Output).Select(m => m.Groups["code"].Value).Distinct().ToList();

    /// <summary>Whatever else happened, an expected failure never shows as a crash of a task.</summary>
    private static void AssertNoCrash(DotnetResult result)
    {
        Assert.DoesNotContain("MSB4018", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB4062", result.Output, StringComparison.Ordinal);
        Assert.False(StackFrame().IsMatch(result.Output), $"A stack trace was printed:{System.Environment.NewLine}{result}");
    }

    [GeneratedRegex(@"error (?<code>[A-Z]+\d{4})\s*:")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^\s+at [\w.`<>]+\.[\w<>`]+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
