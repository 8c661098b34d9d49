using System.Globalization;
using CodeArtifact.Core.Validation;
using Env = CodeArtifact.Core.Auth.CodeArtifactEnvironment;

namespace CodeArtifact.Core.Auth;

/// <summary>
/// Turns the front ends' plain connection settings into <see cref="CodeArtifactClientOptions"/>,
/// looking for what was not given in this order: explicit values, then the environment (the
/// official SDKs' <c>HUAWEICLOUD_SDK_*</c> variables and this product's <c>CODEARTIFACT_*</c>
/// ones), then the credentials file (<c>CredentialsFile</c>, <c>HUAWEICLOUD_SDK_CREDENTIALS_FILE</c>
/// or <c>~/.huaweicloud/credentials</c>). Credentials are taken whole from one place: an access
/// key and its secret key, a user and its password. Everything is checked here, before any
/// request, with a coded message that names the setting to fix.
/// </summary>
public sealed class CredentialChain
{
    /// <summary>The ways to give credentials, for messages.</summary>
    public const string Routes =
        "Give credentials in one of these ways: " +
        "(1) AK/SK: the environment variables HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys), or AccessKey with HUAWEICLOUD_SDK_SK; " +
        "(2) an IAM user: UserName and DomainName with the password in CODEARTIFACT_PASSWORD; " +
        "(3) an IAM token in CODEARTIFACT_AUTH_TOKEN; " +
        "(4) a credentials file, ~/.huaweicloud/credentials or CredentialsFile, with ak and sk in its [basic] section.";

    private readonly Func<string, string?> _environment;
    private readonly CodeArtifactConnectionSettings _settings;
    private readonly ProfileFile? _profile;

    private CredentialChain(CodeArtifactConnectionSettings settings, Func<string, string?> environment)
    {
        _settings = settings;
        _environment = environment;
        _profile = LoadProfile();
    }

    /// <summary>Resolves the settings against the process environment.</summary>
    public static CodeArtifactClientOptions Resolve(CodeArtifactConnectionSettings settings) => Resolve(settings, (Func<string, string?>?)null);

    /// <summary>
    /// Resolves the settings. <paramref name="environment"/> reads an environment variable (null:
    /// the process environment); tests pass their own so the real environment is never touched.
    /// The home folder for <c>~/.huaweicloud/credentials</c> is read from it too (<c>HOME</c>, else <c>USERPROFILE</c>).
    /// </summary>
    public static CodeArtifactClientOptions Resolve(CodeArtifactConnectionSettings settings, Func<string, string?>? environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new CredentialChain(settings, environment ?? Environment.GetEnvironmentVariable).Build();
    }

    /// <summary>Resolves the settings against a fixed set of variables.</summary>
    public static CodeArtifactClientOptions Resolve(CodeArtifactConnectionSettings settings, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Resolve(settings, name => environment.TryGetValue(name, out var value) ? value : null);
    }

    /// <summary>
    /// Only the credentials the settings resolve to, by the same chain and checks as
    /// <see cref="Resolve(CodeArtifactConnectionSettings, Func{string, string?})"/>, without the
    /// endpoint and the other connection values (for <see cref="CredentialFingerprint"/>).
    /// </summary>
    public static CodeArtifactCredentials ResolveCredentials(CodeArtifactConnectionSettings settings, Func<string, string?>? environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new CredentialChain(settings, environment ?? Environment.GetEnvironmentVariable).Credentials().Credentials;
    }

    private CodeArtifactClientOptions Build()
    {
        var options = new CodeArtifactClientOptions();
        options.Timeout = TimeSpan.FromSeconds(Integer(_settings.TimeoutSeconds, nameof(_settings.TimeoutSeconds), 1, 3600, (int)options.Timeout.TotalSeconds));
        options.MaxRetries = Integer(_settings.MaxRetries, nameof(_settings.MaxRetries), 0, CodeArtifactClientOptions.MaxMaxRetries, options.MaxRetries);
        options.MaxConcurrency = Integer(_settings.MaxConcurrency, nameof(_settings.MaxConcurrency), 1, CodeArtifactClientOptions.MaxMaxConcurrency, options.MaxConcurrency);
        options.AllowInsecureHttp = Boolean(_settings.AllowInsecureHttp, nameof(_settings.AllowInsecureHttp));

        var (region, regionFrom) = First((_settings.Region, "Region"), (Variable(Env.Region), Env.Region));
        if (region is not null && !Http.EndpointPolicy.IsRegion(region))
        {
            throw Argument.Invalid(regionFrom!, region, "give a region id such as ap-southeast-3 or cn-north-4");
        }

        options.Region = region;
        var (endpoint, endpointFrom) = First((_settings.Endpoint, "Endpoint"), (Variable(Env.Endpoint), Env.Endpoint));
        options.Endpoint = endpoint is null ? null : Address(endpoint, endpointFrom!);
        if (options.Endpoint is null && region is null)
        {
            throw CodeArtifactException.Missing(
                "Endpoint",
                "Endpoint is required: set Endpoint (such as https://artifact.ap-southeast-3.myhuaweicloud.com) or Region, or the environment variable CODEARTIFACT_ENDPOINT or CODEARTIFACT_REGION.");
        }

        var (iam, iamFrom) = First((_settings.IamEndpoint, "IamEndpoint"), (Variable(Env.IamEndpoint), Env.IamEndpoint), (Profile("iam_endpoint"), ProfileWhere("iam_endpoint")));
        options.IamEndpoint = iam is null ? null : Address(iam, iamFrom!);

        var (projectId, projectFrom) = First((_settings.ProjectId, "ProjectId"), (Variable(Env.ProjectId), Env.ProjectId), (Profile("project_id"), ProfileWhere("project_id")));
        options.ProjectId = projectId is null ? null : Argument.ProjectId(projectId, projectFrom!);

        var (domainId, domainFrom) = First((Variable(Env.DomainId), Env.DomainId), (Profile("domain_id"), ProfileWhere("domain_id")));
        options.DomainId = domainId is null ? null : Argument.Identifier(domainId, domainFrom!, "a domain id", 64);

        var (tenantId, tenantFrom) = First((_settings.TenantId, "TenantId"), (Variable(Env.TenantId), Env.TenantId), (domainId, domainFrom));
        options.TenantId = tenantId is null ? null : Argument.TenantId(tenantId, tenantFrom!);

        (options.Credentials, options.CredentialSource) = Credentials();
        options.RepositoryAccount = RepositoryAccountFromEnvironment();

        // The endpoint rules (https, loopback) are checked now, so a bad value fails before any request.
        options.Validate();
        return options;
    }

    private (CodeArtifactCredentials Credentials, string Source) Credentials()
    {
        var accessKey = Text(_settings.AccessKey);
        var userName = Text(_settings.UserName);
        if (accessKey is not null && userName is not null)
        {
            throw CodeArtifactException.Invalid(
                "AccessKey",
                "Both AccessKey and UserName are set: give one way to sign in, AccessKey (with HUAWEICLOUD_SDK_SK) or UserName (with DomainName and CODEARTIFACT_PASSWORD).");
        }

        if (accessKey is not null)
        {
            return ExplicitAccessKey(accessKey);
        }

        if (userName is not null)
        {
            return Password(userName, Text(_settings.DomainName), "UserName", "DomainName");
        }

        if ((FromEnvironment() ?? FromProfile()) is { } found)
        {
            return found;
        }

        if (Text(_settings.DomainName) is not null)
        {
            throw Incomplete("UserName", $"DomainName is set but UserName is not: set UserName to the IAM user's name, with its password in {Env.Password}.");
        }

        throw new CodeArtifactException(ErrorCodes.NoCredentials, "No credentials were found. " + Routes);
    }

    /// <summary>The repository user for uploads, when the environment names one: user and password together, or neither.</summary>
    private RepositoryAccount? RepositoryAccountFromEnvironment()
    {
        var user = Variable(Env.RepositoryUser);
        var password = SecretVariable(Env.RepositoryPassword);
        if (user is null && password is null)
        {
            return null;
        }

        if (user is null)
        {
            throw Incomplete(Env.RepositoryUser, $"{Env.RepositoryPassword} is set but {Env.RepositoryUser} is not: set the repository user name in {Env.RepositoryUser}, or remove {Env.RepositoryPassword} to use the repository user that Maven info returns.");
        }

        if (password is null)
        {
            throw Incomplete(Env.RepositoryPassword, $"{Env.RepositoryUser} is set but {Env.RepositoryPassword} is not: put the repository password in {Env.RepositoryPassword}, or remove {Env.RepositoryUser} to use the repository user that Maven info returns.");
        }

        return new RepositoryAccount(Argument.Text(user, Env.RepositoryUser, 256, required: true)!, password);
    }

    /// <summary>AccessKey was given: its secret key comes from the environment, else from the file (where no other AK is named).</summary>
    private (CodeArtifactCredentials, string) ExplicitAccessKey(string accessKey)
    {
        Argument.Identifier(accessKey, "AccessKey", "an access key id", 128);
        var envAk = Variable(Env.AccessKey);
        var envSk = SecretVariable(Env.SecretKey);
        if (envSk is not null && (envAk is null || envAk == accessKey))
        {
            return (new AccessKeyCredentials(accessKey, envSk, SecretVariable(Env.SecurityToken)), $"AccessKey with {Env.SecretKey}");
        }

        var fileSk = ProfileSecret("sk");
        if (fileSk is not null && (Profile("ak") is not { } fileAk || fileAk == accessKey))
        {
            return (new AccessKeyCredentials(accessKey, fileSk, ProfileSecret("security_token")), $"AccessKey with the secret key of {_profile!.Where}");
        }

        throw Incomplete(
            Env.SecretKey,
            $"AccessKey {accessKey} is set but its secret key was not found: put it in the environment variable {Env.SecretKey}, or as sk in the [basic] section of {ProfilePathForMessages()}.");
    }

    private (CodeArtifactCredentials, string)? FromEnvironment()
    {
        var ak = Variable(Env.AccessKey);
        var sk = SecretVariable(Env.SecretKey);
        var securityToken = SecretVariable(Env.SecurityToken);
        if (ak is not null || sk is not null)
        {
            if (ak is null)
            {
                throw Incomplete(Env.AccessKey, $"{Env.SecretKey} is set but {Env.AccessKey} is not: set the access key id in {Env.AccessKey} (or AccessKey), or remove {Env.SecretKey}.");
            }

            if (sk is null)
            {
                throw Incomplete(Env.SecretKey, $"{Env.AccessKey} is set but {Env.SecretKey} is not: put the secret key in {Env.SecretKey}, or remove {Env.AccessKey}.");
            }

            Argument.Identifier(ak, Env.AccessKey, "an access key id", 128);
            var source = securityToken is null ? $"{Env.AccessKey}/{Env.SecretKey}" : $"{Env.AccessKey}/{Env.SecretKey}/{Env.SecurityToken}";
            return (new AccessKeyCredentials(ak, sk, securityToken), "environment variables " + source);
        }

        if (securityToken is not null)
        {
            throw Incomplete(Env.AccessKey, $"{Env.SecurityToken} is set but {Env.AccessKey} and {Env.SecretKey} are not: a security token only works with the temporary AK/SK it was issued with.");
        }

        var userName = Variable(Env.UserName);
        if (userName is not null)
        {
            return Password(userName, Text(_settings.DomainName) ?? Variable(Env.DomainName), Env.UserName, Env.DomainName);
        }

        if (SecretVariable(Env.Password) is not null)
        {
            throw Incomplete("UserName", $"{Env.Password} is set but no user name: set UserName and DomainName (or {Env.UserName} and {Env.DomainName}).");
        }

        return SecretVariable(Env.AuthToken) is { } token ? (new TokenCredentials(token), "environment variable " + Env.AuthToken) : null;
    }

    private (CodeArtifactCredentials, string)? FromProfile()
    {
        if (_profile is null)
        {
            return null;
        }

        var ak = Profile("ak");
        var sk = ProfileSecret("sk");
        if (ak is null && sk is null)
        {
            return null;
        }

        if (ak is null || sk is null)
        {
            var (missing, present) = ak is null ? ("ak", "sk") : ("sk", "ak");
            throw Incomplete(missing, $"{_profile.Where} has {present} but no {missing}: add '{missing} = …' there, or remove {present}.");
        }

        Argument.Identifier(ak, ProfileWhere("ak"), "an access key id", 128);
        return (new AccessKeyCredentials(ak, sk, ProfileSecret("security_token")), _profile.Where);
    }

    private (CodeArtifactCredentials, string) Password(string userName, string? domainName, string userFrom, string domainFrom)
    {
        Argument.Text(userName, userFrom, 64, required: true);
        if (domainName is null)
        {
            throw Incomplete(domainFrom, $"{userFrom} is set but {domainFrom} is not: set {domainFrom} to the account (domain) name the IAM user belongs to.");
        }

        Argument.Text(domainName, domainFrom, 64, required: true);
        var password = SecretVariable(Env.Password)
            ?? throw Incomplete(Env.Password, $"{userFrom} is set but no password was found: put the IAM user's password in the environment variable {Env.Password}.");
        return (new IamPasswordCredentials(userName, domainName, password), $"{userFrom}, {domainFrom} and {Env.Password}");
    }

    private ProfileFile? LoadProfile()
    {
        if (Text(_settings.CredentialsFile) is { } explicitPath)
        {
            return ProfileFile.Load(explicitPath, required: true, "CredentialsFile");
        }

        if (Variable(Env.CredentialsFile) is { } variablePath)
        {
            return ProfileFile.Load(variablePath, required: true, Env.CredentialsFile);
        }

        var home = Variable("HOME") ?? Variable("USERPROFILE");
        return home is null ? null : ProfileFile.Load(System.IO.Path.Combine(home, ".huaweicloud", "credentials"), required: false, "CredentialsFile");
    }

    private string ProfilePathForMessages() =>
        _profile?.Path ?? Text(_settings.CredentialsFile) ?? Variable(Env.CredentialsFile) ?? "~/.huaweicloud/credentials";

    private static int Integer(string? value, string name, int min, int max, int fallback)
    {
        var text = Text(value);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw Argument.Invalid(name, text, $"give a whole number from {min} to {max}");
    }

    private static bool Boolean(string? value, string name) => Text(value)?.ToLowerInvariant() switch
    {
        null or "false" or "no" or "0" => false,
        "true" or "yes" or "1" => true,
        var other => throw Argument.Invalid(name, other, "give true or false"),
    };

    private static Uri Address(string value, string name) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? Http.EndpointPolicy.Check(uri, name, allowInsecureHttp: true)
            : throw Argument.Invalid(name, value, "give an absolute https:// address, such as https://artifact.ap-southeast-3.myhuaweicloud.com");

    private static (string? Value, string? From) First(params (string? Value, string? From)[] candidates)
    {
        foreach (var (value, from) in candidates)
        {
            if (Text(value) is { } text)
            {
                return (text, from);
            }
        }

        return (null, null);
    }

    private string? Variable(string name) => Text(_environment(name));

    /// <summary>A secret from the environment: only a trailing line break is removed, the value is otherwise kept as is.</summary>
    private Secret? SecretVariable(string name) => Secret.FromNullable(_environment(name)?.TrimEnd('\r', '\n'));

    private string? Profile(string key) => _profile?[key];

    private Secret? ProfileSecret(string key) => Secret.FromNullable(_profile?[key]);

    private string ProfileWhere(string key) => _profile is null ? key : $"{key} in {_profile.Where}";

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static CodeArtifactException Incomplete(string parameterName, string message) =>
        new(ErrorCodes.IncompleteCredentials, message) { ParameterName = parameterName };
}
