using System.Globalization;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;

namespace CodeArtifact.Core;

/// <summary>
/// Connection settings of <see cref="CodeArtifactClient"/>. Front ends build them with
/// <see cref="CredentialChain.Resolve(CodeArtifactConnectionSettings, Func{string, string?}?)"/>,
/// which fills what was left unset from the official SDKs' environment variables and the
/// profile file; library users may set them directly.
/// </summary>
public sealed class CodeArtifactClientOptions
{
    public const int MaxMaxRetries = 10;
    public const int MaxMaxConcurrency = 256;
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    /// <summary>The service endpoint (it also serves the v2 release API); from <see cref="Region"/> when unset.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The region, such as <c>ap-southeast-3</c>; gives <c>https://artifact.{region}.myhuaweicloud.com</c>.</summary>
    public string? Region { get; set; }

    /// <summary>The IAM endpoint for password tokens; from <see cref="Region"/> when unset.</summary>
    public Uri? IamEndpoint { get; set; }

    /// <summary>The tenant (account, domain) id used in v5 paths: 8–32 letters or digits.</summary>
    public string? TenantId { get; set; }

    /// <summary>The project id: 32 letters or digits. Sent as <c>X-Project-Id</c> with AK/SK, and the scope of IAM tokens.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The account (domain) id; sent as <c>X-Domain-Id</c> with AK/SK when no <see cref="ProjectId"/> is set.</summary>
    public string? DomainId { get; set; }

    /// <summary>How requests are authenticated.</summary>
    public CodeArtifactCredentials? Credentials { get; set; }

    /// <summary>
    /// The repository user for uploads to repository URLs (basic auth); null: the one
    /// <c>ShowMavenInfo</c> returns. The credential chain reads it from
    /// <c>CODEARTIFACT_REPOSITORY_USER</c> and <c>CODEARTIFACT_REPOSITORY_PASSWORD</c>.
    /// </summary>
    public RepositoryAccount? RepositoryAccount { get; set; }

    /// <summary>Where <see cref="Credentials"/> came from ("environment variables …"), for logs; never a secret.</summary>
    public string? CredentialSource { get; set; }

    /// <summary>Time limit of one attempt, until the answer's headers (and its body for API calls); default 100 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Time limit of a whole request, all attempts and waits included. When null: enough for every
    /// attempt to use its whole <see cref="Timeout"/> and every wait to be the longest.
    /// </summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>Retries after the first attempt on 429/502/503/504, connection failures and attempt timeouts (default 4; 0–10).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff; it doubles on each retry, with jitter (default 1 s). <c>Retry-After</c> wins over it.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff between two attempts (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests in flight at once, over every operation of the client (default 32; 1–256).</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Allow plain <c>http://</c> to a host that is not loopback.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>The offset of times the service sends without one (default UTC+08:00).</summary>
    public TimeSpan ServiceTimeOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Where log events go (never a secret in them).</summary>
    public Action<CodeArtifactLogEvent>? Log { get; set; }

    /// <summary>The clock (tests use a fake one, so retries never sleep for real).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Seam for tests: the innermost handler instead of the network.</summary>
    internal HttpMessageHandler? Transport { get; set; }

    /// <summary>A copy, so that defaults filled in later never change the caller's object.</summary>
    public CodeArtifactClientOptions Clone() => (CodeArtifactClientOptions)MemberwiseClone();

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Endpoint={Endpoint?.ToString() ?? Region ?? "(none)"}, TenantId={TenantId ?? "(none)"}, ProjectId={ProjectId ?? "(none)"}, Credentials={Credentials?.Describe() ?? "(none)"}, Timeout={Timeout.TotalSeconds}s, MaxRetries={MaxRetries}, MaxConcurrency={MaxConcurrency}");

    /// <summary>
    /// Checks the values and fills the endpoints a region gives. Throws <see cref="CodeArtifactException"/>
    /// naming the option before any request is sent.
    /// </summary>
    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero || Timeout > MaxTimeout)
        {
            throw CodeArtifactException.Invalid(nameof(Timeout), $"Invalid Timeout {Timeout}: give a positive duration of at most 1 hour.");
        }

        if (TotalTimeout is { } total && total <= TimeSpan.Zero && total != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw CodeArtifactException.Invalid(nameof(TotalTimeout), $"Invalid TotalTimeout {total}: give a positive duration, or leave it unset.");
        }

        if (MaxRetries is < 0 or > MaxMaxRetries)
        {
            throw CodeArtifactException.Invalid(nameof(MaxRetries), $"Invalid MaxRetries {MaxRetries}: give 0 to {MaxMaxRetries}.");
        }

        if (MaxConcurrency is < 1 or > MaxMaxConcurrency)
        {
            throw CodeArtifactException.Invalid(nameof(MaxConcurrency), $"Invalid MaxConcurrency {MaxConcurrency}: give 1 to {MaxMaxConcurrency}.");
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            throw CodeArtifactException.Invalid(nameof(RetryDelay), $"Invalid RetryDelay {RetryDelay}: give 0 to 1 minute.");
        }

        if (MaxRetryDelay < RetryDelay || MaxRetryDelay > TimeSpan.FromMinutes(10))
        {
            throw CodeArtifactException.Invalid(nameof(MaxRetryDelay), $"Invalid MaxRetryDelay {MaxRetryDelay}: give RetryDelay to 10 minutes.");
        }

        if (Region is not null && !EndpointPolicy.IsRegion(Region))
        {
            throw CodeArtifactException.Invalid(nameof(Region), $"Invalid Region \"{Region}\": give a region id such as ap-southeast-3 or cn-north-4.");
        }

        Endpoint ??= Region is null ? null : EndpointPolicy.ArtifactEndpoint(Region);
        IamEndpoint ??= Region is null ? null : EndpointPolicy.IamEndpoint(Region);
        if (Endpoint is not null)
        {
            EndpointPolicy.Check(Endpoint, nameof(Endpoint), AllowInsecureHttp);
        }

        if (IamEndpoint is not null)
        {
            EndpointPolicy.Check(IamEndpoint, nameof(IamEndpoint), AllowInsecureHttp);
        }

        if (Credentials is IamPasswordCredentials && IamEndpoint is null)
        {
            throw CodeArtifactException.Missing(
                nameof(IamEndpoint),
                "IamEndpoint is required to sign in with an IAM user name and password: set IamEndpoint (such as https://iam.ap-southeast-3.myhuaweicloud.com) or Region.");
        }
    }
}
