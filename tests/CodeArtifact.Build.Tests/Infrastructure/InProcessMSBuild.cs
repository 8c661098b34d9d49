namespace CodeArtifact.Build.Tests.Infrastructure;

/// <summary>
/// In-process MSBuild allows one build at a time per process, so every test class that builds
/// through it shares this collection (and so never runs in parallel with another).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessMSBuild
{
    public const string Name = "In-process MSBuild";
}
