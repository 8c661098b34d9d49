using CodeArtifact.Build.Tests.Infrastructure;

namespace CodeArtifact.Build.Tests.Tasks;

public sealed class DeleteCodeArtifactMavenSettingsTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_Delete_The_Settings_File_It_Wrote_And_Say_So()
    {
        // Given a settings.xml written by the Maven credentials task
        emulator.Server.Seed.CreateMavenRepository($"m{Guid.NewGuid():N}"[..12]);
        var settings = _temp.Combine("m2", "settings.xml");
        var writeEngine = new MockEngine();
        Assert.True(emulator.Connect(new ResolveCodeArtifactMavenCredentials { SettingsFile = settings }, writeEngine).Execute(), writeEngine.Log);
        var engine = new MockEngine();
        var task = new DeleteCodeArtifactMavenSettings { BuildEngine = engine, SettingsFile = settings };

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.True(task.Deleted);
        Assert.False(File.Exists(settings));
        Assert.Contains(engine.Messages, m => m.Importance == Microsoft.Build.Framework.MessageImportance.High && m.Message == $"Deleted the Maven settings file {settings} and the passwords it held.");
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Should_Succeed_If_There_Is_Nothing_To_Delete()
    {
        // Given
        var engine = new MockEngine();
        var task = new DeleteCodeArtifactMavenSettings { BuildEngine = engine, SettingsFile = _temp.Combine("never", "settings.xml") };

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.False(task.Deleted);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Should_Leave_A_File_It_Did_Not_Write_With_CART0209_Naming_The_Property()
    {
        // Given someone's own settings
        var own = _temp.WriteFile("settings.xml", "<settings><!-- mine --></settings>");
        var engine = new MockEngine();
        var task = new DeleteCodeArtifactMavenSettings { BuildEngine = engine, SettingsFile = own, PropertyNames = ["SettingsFile=CodeArtifactMavenSettingsFile"] };

        // When
        var succeeded = task.Execute();

        // Then
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0209", error.Code);
        Assert.Contains(own, error.Message, StringComparison.Ordinal);
        Assert.Contains("CodeArtifactMavenSettingsFile", error.Message, StringComparison.Ordinal);
        Assert.Equal("<settings><!-- mine --></settings>", File.ReadAllText(own));
        Assert.False(task.Deleted);
    }
}
