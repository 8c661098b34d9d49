using Cake.Core.IO;

namespace Cake.CodeArtifact;

/// <summary>
/// How to reach CodeArts Artifact: the connection inputs shared by every alias, with the same
/// names as the MSBuild task parameters. Anything left unset comes from the environment
/// variables of the official SDKs (<c>HUAWEICLOUD_SDK_AK</c>, <c>HUAWEICLOUD_SDK_PROJECT_ID</c>,
/// <c>HUAWEICLOUD_SDK_IAM_ENDPOINT</c> …) or the profile file <c>~/.huaweicloud/credentials</c>.
/// </summary>
/// <remarks>
/// There is deliberately no property for a secret: Cake prints settings and arguments at
/// diagnostic verbosity, so the secret key, security token, IAM password and token are read
/// from <c>HUAWEICLOUD_SDK_SK</c>, <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c>,
/// <c>CODEARTIFACT_PASSWORD</c>, <c>CODEARTIFACT_AUTH_TOKEN</c> or the credentials file.
/// Use one instance as a shared connection and pass it to the copy constructor of each
/// alias's settings.
/// </remarks>
public class CodeArtifactSettings
{
    /// <summary>Creates settings that take every connection value from the environment.</summary>
    public CodeArtifactSettings()
    {
    }

    /// <summary>Creates settings with the connection values of <paramref name="connection"/>.</summary>
    /// <param name="connection">The connection to copy (only the <see cref="CodeArtifactSettings"/> part is copied).</param>
    public CodeArtifactSettings(CodeArtifactSettings connection)
    {
        connection.NotNull(nameof(connection));
        Endpoint = connection.Endpoint;
        Region = connection.Region;
        IamEndpoint = connection.IamEndpoint;
        TenantId = connection.TenantId;
        ProjectId = connection.ProjectId;
        AccessKey = connection.AccessKey;
        UserName = connection.UserName;
        DomainName = connection.DomainName;
        CredentialsFile = connection.CredentialsFile;
        TimeoutSeconds = connection.TimeoutSeconds;
        MaxRetries = connection.MaxRetries;
        MaxConcurrency = connection.MaxConcurrency;
        AllowInsecureHttp = connection.AllowInsecureHttp;
        ReportFile = connection.ReportFile;
        MarkdownSummaryFile = connection.MarkdownSummaryFile;
        Cancellation = connection.Cancellation;
    }

    /// <summary>The service endpoint, such as <c>https://artifact.ap-southeast-3.myhuaweicloud.com</c>; from <see cref="Region"/> when unset.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The region, such as <c>ap-southeast-3</c>: gives the service and IAM endpoints.</summary>
    public string? Region { get; set; }

    /// <summary>The IAM endpoint used to get a token for an IAM user; from <see cref="Region"/> when unset.</summary>
    public string? IamEndpoint { get; set; }

    /// <summary>The tenant (account) id: 8 to 32 letters or digits.</summary>
    public string? TenantId { get; set; }

    /// <summary>The project id: 32 letters or digits.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The access key (AK); its secret key comes from <c>HUAWEICLOUD_SDK_SK</c> or the credentials file.</summary>
    public string? AccessKey { get; set; }

    /// <summary>An IAM user name; the password comes from <c>CODEARTIFACT_PASSWORD</c>.</summary>
    public string? UserName { get; set; }

    /// <summary>The account (domain) name of <see cref="UserName"/>.</summary>
    public string? DomainName { get; set; }

    /// <summary>The profile file to read instead of <c>~/.huaweicloud/credentials</c>.</summary>
    public FilePath? CredentialsFile { get; set; }

    /// <summary>Time limit of one request attempt, in seconds.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>Retries after the first attempt on throttling, gateway errors and connection failures.</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Requests in flight at once.</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>Allow plain <c>http://</c> to a host that is not loopback.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Where to write a JSON report of the result (never holds a secret).</summary>
    public FilePath? ReportFile { get; set; }

    /// <summary>Where to write the report as Markdown, such as a CI job summary (never holds a secret).</summary>
    public FilePath? MarkdownSummaryFile { get; set; }

    /// <summary>
    /// Cancels the alias from the script, for example on a time limit of its own. Ctrl+C and
    /// SIGTERM cancel it too, whatever this is. A cancelled alias fails with <c>CART0506</c>; a
    /// cleanup cancelled while deleting first writes its reports, which list the files deleted
    /// and those whose delete was cut off, so that they can be restored.
    /// </summary>
    /// <example>
    /// <code>
    /// using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10));
    /// CodeArtifactDeleteObsoleteFiles(new CodeArtifactCleanupSettings { Repository = "cn-north-4_5a775fdcb14f4431b6c0015618140bc3_generic_1", ReportFile = "cleanup.json", Cancellation = limit.Token });
    /// </code>
    /// </example>
    public CancellationToken Cancellation { get; set; }
}
