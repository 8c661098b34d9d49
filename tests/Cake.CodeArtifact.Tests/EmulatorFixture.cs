using CodeArtifact.Emulator;
using CodeArtifact.TestUtilities;

namespace Cake.CodeArtifact.Tests;

/// <summary>One in-memory emulator on a free loopback port for the alias tests; every test uses its own repositories.</summary>
public sealed class EmulatorFixture : EmulatorFixtureBase
{
}

/// <summary>The alias tests share one emulator and run one at a time, so "no request was sent" can be read from its log.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "Emulator";
}
