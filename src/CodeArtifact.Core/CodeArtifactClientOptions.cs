using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core;

/// <summary>
/// Connection settings of <see cref="CodeArtifactClient"/>. Values left unset are filled by
/// the credential chain from the official SDKs' environment variables and the
/// profile file.
/// </summary>
public sealed class CodeArtifactClientOptions
{
    /// <summary>The service endpoint (it also serves the v2 release API); from <see cref="Region"/> when unset.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The region, such as <c>ap-southeast-3</c>; gives <c>https://artifact.{region}.myhuaweicloud.com</c>.</summary>
    public string? Region { get; set; }

    /// <summary>The IAM endpoint for password tokens; from <see cref="Region"/> when unset.</summary>
    public Uri? IamEndpoint { get; set; }

    /// <summary>The tenant (account, domain) id used in v5 paths: 8–32 letters or digits.</summary>
    public string? TenantId { get; set; }

    /// <summary>The project id: 32 letters or digits.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Sent as <c>X-Domain-Id</c> with AK/SK when set.</summary>
    public string? DomainId { get; set; }

    /// <summary>How requests are authenticated.</summary>
    public CodeArtifactCredentials? Credentials { get; set; }

    /// <summary>Time limit of one attempt (default 100 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries after the first attempt on 429/502/503/504 and connection failures (default 4).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>Requests in flight at once (default 32).</summary>
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

    /// <summary>A copy, so that defaults filled in by the chain never change the caller's object.</summary>
    public CodeArtifactClientOptions Clone() => (CodeArtifactClientOptions)MemberwiseClone();
}
