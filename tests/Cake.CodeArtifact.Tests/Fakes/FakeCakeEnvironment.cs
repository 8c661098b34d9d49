using Cake.Core;
using Cake.Core.IO;

namespace Cake.CodeArtifact.Tests.Fakes;

/// <summary>
/// An environment whose variables are a dictionary the test fills, so that tests never touch
/// (or race on) the process environment; paths resolve against a per-test working directory.
/// </summary>
internal sealed class FakeCakeEnvironment(DirectoryPath workingDirectory) : ICakeEnvironment
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public DirectoryPath WorkingDirectory { get; set; } = workingDirectory;

    public DirectoryPath UserHomeDirectory { get; set; } = workingDirectory.Combine("home");

    public DirectoryPath ApplicationRoot => new(AppContext.BaseDirectory);

    public ICakePlatform Platform { get; } = new CakePlatform();

    public ICakeRuntime Runtime { get; } = new CakeRuntime();

    public DirectoryPath GetSpecialPath(SpecialPath path) => path switch
    {
        SpecialPath.UserProfile => UserHomeDirectory,
        SpecialPath.LocalTemp => new DirectoryPath(System.IO.Path.GetTempPath()),
        _ => WorkingDirectory.Combine(path.ToString()),
    };

    public string? GetEnvironmentVariable(string variable) => Variables.TryGetValue(variable, out var value) ? value : null;

    public IDictionary<string, string> GetEnvironmentVariables() => new Dictionary<string, string>(Variables, StringComparer.Ordinal);
}
