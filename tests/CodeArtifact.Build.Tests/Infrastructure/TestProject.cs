using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;

namespace CodeArtifact.Build.Tests.Infrastructure;

/// <summary>
/// A throwaway project that imports the package's props and targets from the source tree, with
/// the given project body, evaluated and built by the SDK's MSBuild in this process.
/// </summary>
internal sealed class TestProject : IDisposable
{
    private readonly TempDirectory _directory = new("cab-eval");
    private readonly ProjectCollection _collection;

    public TestProject(string body = "", IDictionary<string, string>? globalProperties = null)
    {
        FullPath = _directory.WriteFile("consumer.proj", $"""
            <Project>
              <Import Project="{SourcePaths.PropsFile}" />
              {body}
              <Target Name="Build" />
              <Import Project="{SourcePaths.TargetsFile}" />
            </Project>
            """);
        _collection = new ProjectCollection(globalProperties ?? new Dictionary<string, string>());
        Project = _collection.LoadProject(FullPath);
    }

    public string FullPath { get; }

    public string Directory => _directory.Path;

    public Project Project { get; }

    /// <summary>A property's evaluated value.</summary>
    public string Property(string name) => Project.GetPropertyValue(name);

    /// <summary>Builds the targets on a fresh instance, which keeps the properties and items the build set.</summary>
    public (bool Succeeded, ProjectInstance Instance, RecordingLogger Log) Build(params string[] targets)
    {
        var instance = Project.CreateProjectInstance();
        var logger = new RecordingLogger();
        var succeeded = instance.Build(targets, [logger]);
        return (succeeded, instance, logger);
    }

    public void Dispose()
    {
        _collection.UnloadAllProjects();
        _collection.Dispose();
        _directory.Dispose();
    }
}
