using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Cake.CodeArtifact.Tests.Fakes;

/// <summary>
/// The smallest <see cref="ICakeContext"/> the aliases run in: a recording log, a dictionary
/// environment rooted in a temp folder, and Cake's real file system and globber. The members
/// the addin has no business using (processes, tools, registry, data, configuration) are
/// null, so a test fails loudly if the addin starts to depend on them.
/// </summary>
internal sealed class FakeCakeContext : ICakeContext, IDisposable
{
    public FakeCakeContext()
    {
        WorkingDirectory = Directory.CreateTempSubdirectory("cake-codeartifact-").FullName;
        Environment = new FakeCakeEnvironment(new DirectoryPath(WorkingDirectory));
        FileSystem = new FileSystem();
        Globber = new Globber(FileSystem, Environment);
    }

    /// <summary>The per-test folder that relative paths resolve against.</summary>
    public string WorkingDirectory { get; }

    public FakeCakeLog Log { get; } = new();

    public FakeCakeEnvironment Environment { get; }

    public IFileSystem FileSystem { get; }

    public IGlobber Globber { get; }

    ICakeEnvironment ICakeContext.Environment => Environment;

    ICakeLog ICakeContext.Log => Log;

    public ICakeArguments Arguments => null!;

    public IProcessRunner ProcessRunner => null!;

    public IRegistry Registry => null!;

    public IToolLocator Tools => null!;

    public ICakeDataResolver Data => null!;

    public ICakeConfiguration Configuration => null!;

    public IToolInstaller ToolInstaller => null!;

    public IServiceProvider ServiceProvider => null!;

    /// <summary>A path inside <see cref="WorkingDirectory"/>.</summary>
    public string PathOf(string relative) => System.IO.Path.Combine(WorkingDirectory, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open in a failed test must not hide that test's own failure.
        }
    }
}
