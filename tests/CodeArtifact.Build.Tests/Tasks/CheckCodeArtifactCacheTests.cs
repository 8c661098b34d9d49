using CodeArtifact.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Microsoft.Extensions.Time.Testing;

namespace CodeArtifact.Build.Tests.Tasks;

/// <summary>
/// The task every stamp depends on: cached answers expire by the clock (a fake one here), a refresh
/// removes them all, and the fingerprint follows the credentials without ever holding a secret.
/// </summary>
public sealed class CheckCodeArtifactCacheTests : IDisposable
{
    private const string AccessKey = "AKCACHETEST0000000001";
    private const string SecretKey = "Cache-Test-Secret-Key-0000000000000000001";

    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(Now);

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(9, "10", false, true)]
    [InlineData(10, "10", false, false)]
    [InlineData(59, "60", false, true)]
    [InlineData(1, "10", true, false)]
    [InlineData(0, "0", false, false)]
    [InlineData(-5, "10", false, true)]
    [InlineData(-11, "10", false, false)]
    public void Should_Keep_A_Cached_Answer_Only_Within_The_Window(int minutesOld, string cacheMinutes, bool refresh, bool kept)
    {
        // Given a job's marker written minutesOld minutes before now (negative: dated ahead)
        var marker = Marker("release.succeeded", Now.AddMinutes(-minutesOld));
        var (task, engine) = NewTask(new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey });
        task.CacheMinutes = cacheMinutes;
        task.Refresh = refresh;
        task.CachedAnswers = [new TaskItem(marker), new TaskItem(_temp.Combine("never-written.succeeded"))];

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.Equal(kept, File.Exists(marker));
        if (!kept)
        {
            Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Low && m.Message!.Contains(marker, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("525601")]
    public void Should_Refuse_A_Cache_Window_That_Is_Not_A_Number_Of_Minutes_Naming_The_Property(string cacheMinutes)
    {
        // Given
        var marker = Marker("maven.succeeded", Now.AddMinutes(-1));
        var (task, engine) = NewTask([]);
        task.CacheMinutes = cacheMinutes;
        task.CachedAnswers = [new TaskItem(marker)];
        task.PropertyNames = ["CacheMinutes=CodeArtifactCacheMinutes"];

        // When
        var succeeded = task.Execute();

        // Then nothing is decided on a value that is not understood
        Assert.False(succeeded);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("CART0001", error.Code);
        Assert.Contains($"CodeArtifactCacheMinutes \"{cacheMinutes}\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, task.CredentialFingerprint);
        Assert.True(File.Exists(marker));
    }

    [Fact]
    public void Should_Give_The_Same_Fingerprint_For_The_Same_Credentials_And_Another_For_Any_Change()
    {
        // Given the same key file for every run
        string Fingerprint(Dictionary<string, string?> environment, string? accessKey = null, string? credentialsFile = null)
        {
            var (task, engine) = NewTask(environment);
            task.AccessKey = accessKey;
            task.CredentialsFile = credentialsFile;
            Assert.True(task.Execute(), engine.Log);
            Assert.DoesNotContain(SecretKey, engine.Log, StringComparison.Ordinal);
            return task.CredentialFingerprint;
        }

        var profile = _temp.WriteFile("credentials", $"[basic]\nak = {AccessKey}\nsk = {SecretKey}\n");
        var rotatedProfile = _temp.WriteFile("rotated", $"[basic]\nak = {AccessKey}\nsk = {SecretKey}-rotated\n");

        // When
        var environment = Fingerprint(new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey });
        var again = Fingerprint(new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey });
        var wrongKey = Fingerprint(new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey + "x" });
        var missingKey = Fingerprint(new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey });
        var withToken = Fingerprint(new() { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey, ["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = "token" });
        var password = Fingerprint(new() { ["CODEARTIFACT_USER_NAME"] = "alice", ["CODEARTIFACT_DOMAIN_NAME"] = "corp", ["CODEARTIFACT_PASSWORD"] = "pw" });
        var otherPassword = Fingerprint(new() { ["CODEARTIFACT_USER_NAME"] = "alice", ["CODEARTIFACT_DOMAIN_NAME"] = "corp", ["CODEARTIFACT_PASSWORD"] = "pw2" });
        var fromFile = Fingerprint([], credentialsFile: profile);
        var rotatedFile = Fingerprint([], credentialsFile: rotatedProfile);
        var none = Fingerprint([]);

        // Then only equal credentials give equal fingerprints, and none is the secret or an unkeyed hash of it
        Assert.Equal(environment, again);
        Assert.Matches("^[0-9a-f]{64}$", environment);
        string[] all = [environment, wrongKey, missingKey, withToken, password, otherPassword, rotatedFile, none];
        Assert.Equal(all.Length, all.Distinct().Count());
        Assert.Equal(environment, fromFile); // the same AK/SK, from another place
        Assert.DoesNotContain(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(SecretKey))).ToLowerInvariant(), all);
    }

    [Fact]
    public void Should_Key_The_Fingerprint_With_A_Random_Key_Of_Its_Own_Readable_By_Its_Owner_Only()
    {
        // Given two key files
        var environment = new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey };
        var (first, _) = NewTask(environment);
        var (second, _) = NewTask(environment);
        second.KeyFile = _temp.Combine("elsewhere", "fingerprint.key");

        // When
        Assert.True(first.Execute());
        Assert.True(second.Execute());

        // Then the same credentials give unrelated fingerprints, and each key file is 32 private bytes
        Assert.NotEqual(first.CredentialFingerprint, second.CredentialFingerprint);
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
        var environment = new Dictionary<string, string?> { ["HUAWEICLOUD_SDK_AK"] = AccessKey, ["HUAWEICLOUD_SDK_SK"] = SecretKey };
        var (task, engine) = NewTask(environment);
        task.KeyFile = Path.Combine(blocked, "fingerprint.key");
        task.FallbackKeyFile = _temp.Combine("obj", "fingerprint.key");

        // When
        var succeeded = task.Execute();

        // Then
        Assert.True(succeeded, engine.Log);
        Assert.True(File.Exists(task.FallbackKeyFile));
        Assert.Matches("^[0-9a-f]{64}$", task.CredentialFingerprint);
        Assert.Contains(engine.Messages, m => m.Message!.Contains(task.KeyFile, StringComparison.Ordinal));
    }

    private string Marker(string name, DateTimeOffset written)
    {
        var path = _temp.WriteFile(name, string.Empty);
        File.SetLastWriteTimeUtc(path, written.UtcDateTime);
        return path;
    }

    private (CheckCodeArtifactCache Task, MockEngine Engine) NewTask(Dictionary<string, string?> environment)
    {
        var engine = new MockEngine();
        var task = new CheckCodeArtifactCache
        {
            BuildEngine = engine,
            KeyFile = _temp.Combine("key", "fingerprint.key"),
            EnvironmentOverride = environment,
            Time = _time,
        };
        return (task, engine);
    }
}
