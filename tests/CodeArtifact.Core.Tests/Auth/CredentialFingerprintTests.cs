using System.Security.Cryptography;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Tests.Auth;

/// <summary>The build stamp's keyed digest of a job's inputs and of every source of credentials, and its key file.</summary>
public sealed class CredentialFingerprintTests : IDisposable
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(FingerprintKey.Length);

    private readonly string _folder = Directory.CreateTempSubdirectory("codeartifact-stamps-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Variables => new(CredentialFingerprint.Variables);

    [Fact]
    public void Should_Give_The_Same_Stamp_For_The_Same_Inputs_And_Credentials()
    {
        var environment = Environment(("HUAWEICLOUD_SDK_AK", "AK1"), ("HUAWEICLOUD_SDK_SK", "SK1"));

        var first = CredentialFingerprint.Compute("app.zip", new CodeArtifactConnectionSettings(), environment, Key);
        var second = CredentialFingerprint.Compute("app.zip", new CodeArtifactConnectionSettings(), environment, Key);

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Theory]
    [MemberData(nameof(Variables))]
    public void Should_Change_With_Every_Variable_The_Credential_Chain_Reads(string variable)
    {
        var before = CredentialFingerprint.Compute("app.zip", new CodeArtifactConnectionSettings(), Environment(), Key);

        var after = CredentialFingerprint.Compute("app.zip", new CodeArtifactConnectionSettings(), Environment((variable, "value")), Key);

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Should_Change_With_The_Inputs_The_Identity_Settings_And_The_Credentials_File()
    {
        var file = Path.Combine(_folder, "credentials");
        File.WriteAllText(file, "[basic]\nak = AK1\nsk = SK1\n");
        string Stamp(string inputs = "app.zip", string? accessKey = null) =>
            CredentialFingerprint.Compute(inputs, new CodeArtifactConnectionSettings { AccessKey = accessKey, CredentialsFile = file }, Environment(), Key);

        var first = Stamp();
        var otherInputs = Stamp(inputs: "app.tar.gz");
        var otherAccessKey = Stamp(accessKey: "AK2");
        File.WriteAllText(file, "[basic]\nak = AK1\nsk = SK2\n");
        var rotated = Stamp();
        File.Delete(file);
        var gone = Stamp();

        string[] all = [first, otherInputs, otherAccessKey, rotated, gone];
        Assert.Equal(all.Length, all.Distinct().Count());
    }

    [Fact]
    public void Should_Read_The_Credentials_File_Of_The_Home_Folder_When_None_Is_Named()
    {
        var home = Directory.CreateDirectory(Path.Combine(_folder, "home")).FullName;
        Directory.CreateDirectory(Path.Combine(home, ".huaweicloud"));
        var file = Path.Combine(home, ".huaweicloud", "credentials");
        File.WriteAllText(file, "[basic]\nak = AK1\nsk = SK1\n");
        var environment = Environment(("HOME", home));

        var before = CredentialFingerprint.Compute(string.Empty, new CodeArtifactConnectionSettings(), environment, Key);
        File.WriteAllText(file, "[basic]\nak = AK1\nsk = SK2\n");
        var after = CredentialFingerprint.Compute(string.Empty, new CodeArtifactConnectionSettings(), environment, Key);

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Should_Depend_On_The_Key_And_Refuse_A_Short_One()
    {
        var environment = Environment(("HUAWEICLOUD_SDK_SK", "SK1"));

        var withKey = CredentialFingerprint.Compute("x", new CodeArtifactConnectionSettings(), environment, Key);
        var withOtherKey = CredentialFingerprint.Compute("x", new CodeArtifactConnectionSettings(), environment, RandomNumberGenerator.GetBytes(FingerprintKey.Length));

        Assert.NotEqual(withKey, withOtherKey);
        Assert.Throws<ArgumentException>(() => CredentialFingerprint.Compute("x", new CodeArtifactConnectionSettings(), environment, new byte[16]));
    }

    [Fact]
    public void Should_Create_A_Key_File_Once_And_Read_It_Afterwards()
    {
        var path = Path.Combine(_folder, "keys", "stamp.key");

        var created = FingerprintKey.LoadOrCreate(path);
        var read = FingerprintKey.LoadOrCreate(path);

        Assert.Equal(FingerprintKey.Length, created.Length);
        Assert.Equal(created, read);
        Assert.Equal(created, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void Should_Replace_A_Key_File_That_Holds_No_Key_And_Agree_On_One_Key_When_Created_At_Once()
    {
        var damaged = Path.Combine(_folder, "damaged.key");
        File.WriteAllText(damaged, "not a key");
        Assert.Equal(FingerprintKey.Length, FingerprintKey.LoadOrCreate(damaged).Length);

        // Many rounds, each with a new file and eight creators released at once: a check-then-move
        // race (each creator deciding on its own whether to overwrite) lost a round now and then.
        for (var round = 0; round < 40; round++)
        {
            var shared = Path.Combine(_folder, $"shared-{round}.key");
            if (round % 2 == 1)
            {
                File.WriteAllText(shared, "damaged");
            }

            using var start = new Barrier(8);
            var keys = new byte[8][];
            var creators = Enumerable.Range(0, 8).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                keys[i] = FingerprintKey.LoadOrCreate(shared);
            })).ToList();
            creators.ForEach(t => t.Start());
            creators.ForEach(t => t.Join());

            var onDisk = File.ReadAllBytes(shared);
            Assert.Equal(FingerprintKey.Length, onDisk.Length);
            Assert.All(keys, k => Assert.Equal(onDisk, k));
        }

        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
