using System.Security.Cryptography;
using System.Text;
using CodeArtifact.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Microsoft.Extensions.Time.Testing;

namespace CodeArtifact.Build.Tests.Tasks;

/// <summary>
/// The check every stamped ready target runs first: a cached answer is kept only within the window
/// (a fake clock here), never after a refresh, and never once the job's inputs or the credentials
/// changed; the stamp follows the credentials without holding a secret.
/// </summary>
public sealed class CheckCodeArtifactCacheTests : IDisposable
{
    private const string AccessKey = "AKCACHETEST0000000001";
    private const string SecretKey = "Cache-Test-Secret-Key-0000000000000000001";

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly Dictionary<string, string?> _environment = new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey };

    public void Dispose() => _temp.Dispose();

    private string MarkerFile => _temp.Combine("obj", "release.succeeded");

    private string StampFile => _temp.Combine("obj", "release.inputs");

    [Theory]
    [InlineData(9, "10", false, true)]
    [InlineData(10, "10", false, false)]
    [InlineData(59, "60", false, true)]
    [InlineData(1, "10", true, false)]
    [InlineData(0, "0", false, false)]
    [InlineData(-5, "10", false, true)]
    [InlineData(-11, "10", false, false)]
    [InlineData(9, "", false, true)]
    [InlineData(11, "", false, false)]
    public void Should_Keep_A_Cached_Answer_Only_Within_The_Window(int minutesOld, string cacheMinutes, bool refresh, bool kept)
    {
        // Given a stamp of the current inputs, and the job's marker written minutesOld minutes ago (negative: dated ahead)
        Assert.True(Run().Task.Execute());
        WriteMarker(Now.AddMinutes(-minutesOld));
        var (task, engine) = Run();
        task.CacheMinutes = cacheMinutes;
        task.Refresh = refresh;

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Equal(kept, File.Exists(MarkerFile));
        Assert.Equal(!kept, engine.Messages.Any(m => m.Importance == MessageImportance.Low && m.Message!.Contains(MarkerFile, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("525601")]
    [InlineData("99999999999")]
    public void Should_Refuse_A_Cache_Window_That_Is_Not_A_Number_Of_Minutes_Naming_The_Property(string cacheMinutes)
    {
        // Given
        WriteMarker(Now.AddHours(-5));
        var (task, engine) = Run();
        task.CacheMinutes = cacheMinutes;
        task.PropertyNames = ["CacheMinutes=CodeArtifactCacheMinutes"];

        // When
        var succeeded = task.Execute();

        // Then nothing is decided on a value that is not understood
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0001", error.Code);
        Assert.Contains($"CodeArtifactCacheMinutes \"{cacheMinutes}\"", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(StampFile));
    }

    [Fact]
    public void Should_Remove_The_Answer_If_The_Inputs_Change()
    {
        // Given a fresh answer to these inputs
        Assert.True(Run(inputs: "app.zip|10").Task.Execute());
        WriteMarker(Now.AddMinutes(-1));
        Assert.True(Run(inputs: "app.zip|10").Task.Execute());
        Assert.True(File.Exists(MarkerFile));

        // When the inputs change
        var (task, engine) = Run(inputs: "app.zip|20");
        Assert.True(task.Execute(), engine.Log);

        // Then
        Assert.False(File.Exists(MarkerFile));
    }

    [Fact]
    public void Should_Remove_The_Answer_For_Any_Change_Of_The_Credentials_And_Only_Then()
    {
        var profile = _temp.WriteFile("credentials", $"[basic]\nak = {AccessKey}\nsk = {SecretKey}\n");
        (string Name, Dictionary<string, string?> Environment, string? CredentialsFile)[] credentials =
        [
            ("environment", new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey }, null),
            ("wrong secret key", new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey + "x" }, null),
            ("missing secret key", new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey }, null),
            ("security token", new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey, ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = "token" }, null),
            ("password", new() { ["CODEARTIFACT_USER_NAME"] = "alice", ["CODEARTIFACT_DOMAIN_NAME"] = "corp", ["CODEARTIFACT_PASSWORD"] = "pw" }, null),
            ("other password", new() { ["CODEARTIFACT_USER_NAME"] = "alice", ["CODEARTIFACT_DOMAIN_NAME"] = "corp", ["CODEARTIFACT_PASSWORD"] = "pw2" }, null),
            ("auth token", new() { ["CODEARTIFACT_AUTH_TOKEN"] = "t1" }, null),
            ("credentials file", [], profile),
            ("none", [], null),
        ];

        var stamps = new List<string>();
        foreach (var (name, environment, credentialsFile) in credentials)
        {
            // Given a fresh answer to the previous credentials
            WriteMarker(Now.AddMinutes(-1));

            // When the check runs with these
            var (task, engine) = Run(environment);
            task.CredentialsFile = credentialsFile;
            Assert.True(task.Execute(), engine.Log);

            // Then the answer is gone, and the stamp holds no secret
            Assert.False(File.Exists(MarkerFile), $"The answer survived the change to {name}.");
            var stamp = File.ReadAllText(StampFile).Trim();
            Assert.Matches("^[0-9a-f]{64}$", stamp);
            Assert.DoesNotContain(SecretKey, engine.Log, StringComparison.Ordinal);
            stamps.Add(stamp);

            // And the same credentials again keep a fresh answer
            WriteMarker(Now.AddMinutes(-1));
            var (again, _) = Run(environment);
            again.CredentialsFile = credentialsFile;
            Assert.True(again.Execute());
            Assert.True(File.Exists(MarkerFile), $"The answer did not survive unchanged {name}.");
        }

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.DoesNotContain(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SecretKey))).ToLowerInvariant(), stamps);
    }

    [Fact]
    public void Should_Remove_The_Answer_If_The_Credentials_File_Is_Rotated()
    {
        // Given a fresh answer to the key in the credentials file
        var profile = _temp.WriteFile("credentials", $"[basic]\nak = {AccessKey}\nsk = {SecretKey}\n");
        void Check()
        {
            var (task, engine) = Run([]);
            task.CredentialsFile = profile;
            Assert.True(task.Execute(), engine.Log);
        }

        Check();
        WriteMarker(Now.AddMinutes(-1));
        Check();
        Assert.True(File.Exists(MarkerFile));

        // When its secret key is rotated
        File.WriteAllText(profile, $"[basic]\nak = {AccessKey}\nsk = {SecretKey}-rotated\n");
        Check();

        // Then
        Assert.False(File.Exists(MarkerFile));
    }

    [Fact]
    public void Should_Key_The_Stamp_With_A_Random_Key_Of_Its_Own_Readable_By_Its_Owner_Only()
    {
        // Given two key files
        var (first, _) = Run();
        var (second, _) = Run();
        second.KeyFile = _temp.Combine("elsewhere", "stamp.key");
        second.StampFile = _temp.Combine("obj", "second.inputs");

        // When
        Assert.True(first.Execute());
        Assert.True(second.Execute());

        // Then the same inputs give unrelated stamps, and each key file is 32 private bytes
        Assert.NotEqual(File.ReadAllText(first.StampFile), File.ReadAllText(second.StampFile));
        foreach (var keyFile in new[] { first.KeyFile!, second.KeyFile })
        {
            Assert.Equal(32, new FileInfo(keyFile).Length);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }
        }
    }

    [Fact]
    public void Should_Use_The_Fallback_Key_File_If_The_Key_File_Cannot_Be_Written()
    {
        // Given a key file whose folder is a file
        var blocked = _temp.WriteFile("blocked", "a file, not a folder");
        var (task, engine) = Run();
        task.KeyFile = Path.Combine(blocked, "stamp.key");
        task.FallbackKeyFile = _temp.Combine("obj", "stamp.key");

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Equal(32, new FileInfo(task.FallbackKeyFile).Length);
        Assert.Matches("^[0-9a-f]{64}$", File.ReadAllText(StampFile).Trim());
        Assert.Contains(engine.Messages, m => m.Message!.Contains(task.KeyFile, StringComparison.Ordinal));
    }

    private void WriteMarker(DateTimeOffset written)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(MarkerFile)!);
        File.WriteAllText(MarkerFile, string.Empty);
        File.SetLastWriteTimeUtc(MarkerFile, written.UtcDateTime);
    }

    private (CheckCodeArtifactCache Task, MockEngine Engine) Run(Dictionary<string, string?>? environment = null, string inputs = "app.zip")
    {
        var engine = new MockEngine();
        var task = new CheckCodeArtifactCache
        {
            BuildEngine = engine,
            Marker = MarkerFile,
            StampFile = StampFile,
            StampInputs = inputs,
            KeyFile = _temp.Combine("key", "stamp.key"),
            EnvironmentOverride = environment ?? _environment,
            Time = _time,
        };
        return (task, engine);
    }
}
