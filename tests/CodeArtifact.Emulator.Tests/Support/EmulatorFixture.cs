using CodeArtifact.TestUtilities;

namespace CodeArtifact.Emulator.Tests.Support;

/// <summary>
/// One in-memory emulator on a free 127.0.0.1 port per test class (xUnit class fixture):
/// started before the first test, stopped after the last. Tests use unique repository names.
/// </summary>
public sealed class EmulatorFixture : EmulatorFixtureBase
{
}
