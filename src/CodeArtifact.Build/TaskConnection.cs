using System.Globalization;
using CodeArtifact.Core;
using CodeArtifact.Core.Auth;

namespace CodeArtifact.Build;

/// <summary>Turns a task's connection parameters into client options (interim: replaced by Core's credential chain).</summary>
internal static class TaskConnection
{
    public static CodeArtifactClientOptions CreateOptions(CodeArtifactTask task, IReadOnlyDictionary<string, string>? environment, Action<CodeArtifactLogEvent> log)
    {
        string? Env(string name) => environment is null ? Environment.GetEnvironmentVariable(name) : environment.GetValueOrDefault(name);
        var options = new CodeArtifactClientOptions
        {
            Endpoint = string.IsNullOrEmpty(task.Endpoint) ? null : new Uri(task.Endpoint),
            TenantId = task.TenantId,
            ProjectId = string.IsNullOrEmpty(task.ProjectId) ? null : task.ProjectId,
            Log = log,
        };
        var ak = string.IsNullOrEmpty(task.AccessKey) ? Env("HUAWEICLOUD_SDK_AK") : task.AccessKey;
        var sk = Env("HUAWEICLOUD_SDK_SK");
        if (ak is not null && sk is not null)
        {
            options.Credentials = new AccessKeyCredentials(ak, new Secret(sk), Secret.FromNullable(Env("HUAWEICLOUD_SDK_SECURITY_TOKEN")));
        }

        if (!string.IsNullOrEmpty(task.TimeoutSeconds))
        {
            options.Timeout = TimeSpan.FromSeconds(int.Parse(task.TimeoutSeconds, CultureInfo.InvariantCulture));
        }

        return options;
    }
}
