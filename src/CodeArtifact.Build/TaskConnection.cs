using CodeArtifact.Core;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Build;

/// <summary>Turns a task's connection parameters into client options through Core's credential chain.</summary>
internal static class TaskConnection
{
    /// <param name="task">The task whose parameters are the explicit values.</param>
    /// <param name="environment">The variables to read instead of the process environment (tests), or null.</param>
    /// <param name="log">Where the client's events go.</param>
    public static CodeArtifactClientOptions CreateOptions(CodeArtifactTask task, IReadOnlyDictionary<string, string?>? environment, Action<CodeArtifactLogEvent> log)
    {
        var settings = new CodeArtifactConnectionSettings
        {
            Endpoint = task.Endpoint,
            Region = task.Region,
            IamEndpoint = task.IamEndpoint,
            TenantId = task.TenantId,
            ProjectId = task.ProjectId,
            AccessKey = task.AccessKey,
            UserName = task.UserName,
            DomainName = task.DomainName,
            CredentialsFile = task.CredentialsFile,
            TimeoutSeconds = task.TimeoutSeconds,
            MaxRetries = task.MaxRetries,
            MaxConcurrency = task.MaxConcurrency,
            AllowInsecureHttp = task.AllowInsecureHttp ? "true" : "false",
        };
        var options = environment is null ? CredentialChain.Resolve(settings) : CredentialChain.Resolve(settings, environment);
        options.Log = log;
        return options;
    }
}
