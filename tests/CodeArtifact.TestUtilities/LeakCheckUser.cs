using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CodeArtifact.Emulator;
using CodeArtifact.Emulator.Identity;

namespace CodeArtifact.TestUtilities;

/// <summary>
/// A user of the dev project whose every secret is a fresh random value (so a search for it cannot
/// pass or fail by accident), with the four ways a pipeline could sign in as it, each as the
/// environment a CI system would give.
/// </summary>
public sealed class LeakCheckUser
{
    private LeakCheckUser(EmulatorServer server)
    {
        var userId = "c0dea7f1ac7e4e55c" + RandomToken(15).ToLowerInvariant();
        Identity = server.Identity with
        {
            UserId = userId,
            UserName = "leak-check-" + RandomToken(6).ToLowerInvariant(),
            Password = "Pw-" + RandomToken(24),
            AccessKey = "CAEMULEAK" + RandomToken(11).ToUpperInvariant(),
            SecretKey = "Sk-" + RandomToken(24),
            RepositoryUserName = WellKnownIdentities.RepositoryUserName(server.Region, server.Identity.TenantId, userId),
            RepositoryPassword = "Mvn-" + RandomToken(24),
        };
        server.Seed.ApplySeedJson(System.Text.Json.JsonSerializer.Serialize(new
        {
            users = new[]
            {
                new
                {
                    userId,
                    name = Identity.UserName,
                    password = Identity.Password,
                    accessKey = Identity.AccessKey,
                    secretKey = Identity.SecretKey,
                    repositoryPassword = Identity.RepositoryPassword,
                    projects = new[] { server.Identity.ProjectId },
                },
            },
        }));
        Temporary = server.CreateTemporaryCredentials(TimeSpan.FromHours(2), Identity);
        Token = server.IssueToken(Identity);
        Endpoint = server.Endpoint.ToString();
        WrongSecretKey = "Sk-" + RandomToken(24);
        WrongPassword = "Pw-" + RandomToken(24);
        WrongRepositoryPassword = "Mvn-" + RandomToken(24);
    }

    public EmulatorIdentity Identity { get; }

    public TemporaryCredentials Temporary { get; }

    public string Token { get; }

    public string Endpoint { get; }

    public string WrongSecretKey { get; }

    public string WrongPassword { get; }

    /// <summary>A repository password that is not the user's (for CODEARTIFACT_REPOSITORY_PASSWORD), so refusals are scanned too.</summary>
    public string WrongRepositoryPassword { get; }

    /// <summary>Every secret any of the sign-ins holds, and the Maven password the service hands out.</summary>
    public IReadOnlyList<string> Secrets =>
    [
        Identity.SecretKey, Identity.Password, Identity.RepositoryPassword, Temporary.SecretKey, Temporary.SecurityToken, Token, WrongSecretKey, WrongPassword, WrongRepositoryPassword,
    ];

    public static LeakCheckUser Create(EmulatorServer server) => new(server);

    /// <summary>
    /// The environment of one way to sign in. The secrets of the other ways ride along where the
    /// credential chain ignores them, so that a leak of an unused secret is caught too.
    /// </summary>
    public Dictionary<string, string> Environment(string signIn)
    {
        var environment = new Dictionary<string, string>
        {
            ["CODEARTIFACT_ENDPOINT"] = Endpoint,
            ["CODEARTIFACT_TENANT_ID"] = Identity.TenantId,
            ["HUAWEICLOUD_SDK_PROJECT_ID"] = Identity.ProjectId,
        };
        switch (signIn)
        {
            case "temporary AK/SK":
                environment["HUAWEICLOUD_SDK_AK"] = Temporary.AccessKey;
                environment["HUAWEICLOUD_SDK_SK"] = Temporary.SecretKey;
                environment["HUAWEICLOUD_SDK_SECURITY_TOKEN"] = Temporary.SecurityToken;
                environment["CODEARTIFACT_PASSWORD"] = Identity.Password;
                environment["CODEARTIFACT_AUTH_TOKEN"] = Token;
                break;
            case "AK/SK":
                environment["HUAWEICLOUD_SDK_AK"] = Identity.AccessKey;
                environment["HUAWEICLOUD_SDK_SK"] = Identity.SecretKey;
                environment["CODEARTIFACT_AUTH_TOKEN"] = Token;
                break;
            case "IAM password":
                environment["CODEARTIFACT_USER_NAME"] = Identity.UserName;
                environment["CODEARTIFACT_DOMAIN_NAME"] = Identity.DomainName;
                environment["CODEARTIFACT_PASSWORD"] = Identity.Password;
                environment["HUAWEICLOUD_SDK_IAM_ENDPOINT"] = Endpoint;
                environment["CODEARTIFACT_AUTH_TOKEN"] = Token;
                break;
            case "auth token":
                environment["CODEARTIFACT_AUTH_TOKEN"] = Token;
                break;
            case "wrong SK":
                environment["HUAWEICLOUD_SDK_AK"] = Identity.AccessKey;
                environment["HUAWEICLOUD_SDK_SK"] = WrongSecretKey;
                break;
            case "wrong IAM password":
                environment["CODEARTIFACT_USER_NAME"] = Identity.UserName;
                environment["CODEARTIFACT_DOMAIN_NAME"] = Identity.DomainName;
                environment["CODEARTIFACT_PASSWORD"] = WrongPassword;
                environment["HUAWEICLOUD_SDK_IAM_ENDPOINT"] = Endpoint;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(signIn), signIn, null);
        }

        return environment;
    }

    /// <summary>The secrets found in <paramref name="bytes"/>, as UTF-8 or as UTF-16LE text.</summary>
    public IEnumerable<string> FoundIn(byte[] bytes) =>
        Secrets.Where(s => Contains(bytes, Encoding.UTF8.GetBytes(s)) || Contains(bytes, Encoding.Unicode.GetBytes(s)));

    public IEnumerable<string> FoundIn(string text) => Secrets.Where(s => text.Contains(s, StringComparison.Ordinal));

    /// <summary>The bytes of a binary log: a gzip stream of records.</summary>
    public static byte[] Decompress(string binaryLog)
    {
        using var file = File.OpenRead(binaryLog);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static string RandomToken(int length)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
