using System.Globalization;
using Cake.Core;
using CodeArtifact.Core;
using CodeArtifact.Core.Auth;

namespace Cake.CodeArtifact;

/// <summary>
/// Builds the client options from the settings through Core's credential chain, which fills what
/// the settings leave unset, and reads every secret, from the environment Cake gives (the process
/// environment in a real run) and the credentials file.
/// </summary>
internal static class ClientFactory
{
    public static CodeArtifactClientOptions CreateOptions(ICakeContext context, CodeArtifactSettings settings, Action<CodeArtifactLogEvent> log)
    {
        var connection = new CodeArtifactConnectionSettings
        {
            Endpoint = SettingValues.NullIfBlank(settings.Endpoint),
            Region = SettingValues.NullIfBlank(settings.Region),
            IamEndpoint = SettingValues.NullIfBlank(settings.IamEndpoint),
            TenantId = SettingValues.NullIfBlank(settings.TenantId),
            ProjectId = SettingValues.NullIfBlank(settings.ProjectId),
            AccessKey = SettingValues.NullIfBlank(settings.AccessKey),
            UserName = SettingValues.NullIfBlank(settings.UserName),
            DomainName = SettingValues.NullIfBlank(settings.DomainName),
            CredentialsFile = settings.CredentialsFile?.MakeAbsolute(context.Environment).FullPath,
            TimeoutSeconds = Text(settings.TimeoutSeconds),
            MaxRetries = Text(settings.MaxRetries),
            MaxConcurrency = Text(settings.MaxConcurrency),
            AllowInsecureHttp = settings.AllowInsecureHttp ? "true" : null,
        };
        var options = CredentialChain.Resolve(connection, context.Environment.GetEnvironmentVariable);
        options.Log = log;
        return options;
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
