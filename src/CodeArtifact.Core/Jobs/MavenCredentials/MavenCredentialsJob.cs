using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Model;
using CodeArtifact.Core.Validation;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Resolves Maven repositories and their accounts (<c>ShowMavenInfo</c>) and, when asked, writes
/// them to a <c>settings.xml</c> with <see cref="MavenSettingsWriter"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every input is checked before the request: the filters, the base settings file (it must be a
/// readable Maven settings file) and the target (not the base, and ours unless Overwrite).
/// </para>
/// <para>
/// A repository the service lists without a URL cannot be used by Maven and is left out with a
/// Detail line; one without a password is left out with warning CART0207, and when that leaves
/// none, the job fails with CART0208 (an empty password would only fail later, as an unexplained
/// 401). Finding no repository at all is warning CART0202; a mirror of the written file that
/// catches our repositories is warning CART0206. Warnings are the result's
/// <see cref="MavenCredentialsResult.Problems"/>, reported once by the front end. Passwords stay
/// <see cref="Secret"/>s: they reach only the settings file.
/// </para>
/// </remarks>
public sealed class MavenCredentialsJob(CodeArtifactClient client, Action<CodeArtifactLogEvent>? log = null)
{
    private static readonly IReadOnlyList<string> Policies = ["release", "snapshot", "releases"];
    private static readonly IReadOnlyList<string> Accesses = ["r", "rw"];

    private readonly CodeArtifactClient _client = client ?? throw new ArgumentNullException(nameof(client));
    private readonly Action<CodeArtifactLogEvent>? _log = JobLog.Serialized(log);

    public async Task<MavenCredentialsResult> RunAsync(MavenCredentialsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var query = new MavenInfoQuery
        {
            ProjectId = Argument.OptionalProjectId(options.ProjectId, nameof(MavenCredentialsOptions.ProjectId)),
            Policy = Argument.OptionalOneOf(string.IsNullOrEmpty(options.Policy) ? null : options.Policy, nameof(MavenCredentialsOptions.Policy), Policies) is { } policy
                ? (policy == "releases" ? "release" : policy)
                : null,
            Access = Argument.OneOf(string.IsNullOrEmpty(options.Access) ? "r" : options.Access, nameof(MavenCredentialsOptions.Access), Accesses),
            Default = options.DefaultOnly ? true : null,
            Ids = (options.RepositoryIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToArray(),
        };
        Argument.JoinedRepositoryIds(query.Ids, nameof(MavenCredentialsOptions.RepositoryIds));
        if (options.SettingsFile is { Length: 0 })
        {
            throw Argument.Invalid(nameof(MavenCredentialsOptions.SettingsFile), options.SettingsFile, "give the path of the settings.xml to write, or leave it unset");
        }

        // Every file check happens before the request: a bad base or target costs no call.
        var baseSettings = LoadBase(options);
        var settingsPath = options.SettingsFile is null ? null : MavenSettingsWriter.CheckTarget(options.SettingsFile, baseSettings, options.Overwrite);

        var startedAt = _client.Options.TimeProvider.GetUtcNow();
        var infos = await _client.GetMavenInfoAsync(query, cancellationToken).ConfigureAwait(false);
        var repositories = new List<MavenRepositoryCredential>();
        var withoutPassword = new List<string>();
        foreach (var info in infos.DistinctBy(i => i.Id, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(info.Id) || string.IsNullOrEmpty(info.Url))
            {
                Log(LogSeverity.Detail, $"Skipping Maven repository \"{info.Id}\": the service gave no URL for it.");
                continue;
            }

            if (info.Password is not { IsEmpty: false } password)
            {
                // An empty password in settings.xml fails later with a 401 that names nothing; say it now (CART0207).
                withoutPassword.Add(info.Id);
                Log(LogSeverity.Detail, $"Skipping Maven repository {info.Id}: the service gave no password for it.");
                continue;
            }

            repositories.Add(new MavenRepositoryCredential(
                info.Id,
                FirstNonEmpty(info.RepositoryName, info.DisplayName, info.Id),
                info.Url,
                NormalizePolicy(info.Policy),
                info.UserName ?? string.Empty,
                password));
            Log(LogSeverity.Detail, $"Maven repository {info.Id} ({NormalizePolicy(info.Policy) ?? "any policy"}): {info.Url}, user {info.UserName}.");
        }

        if (repositories.Count == 0 && withoutPassword.Count > 0)
        {
            throw new CodeArtifactException(
                ErrorCodes.NoRepositoryWithPassword,
                $"The service gave no password for any of the matched Maven repositories ({string.Join(", ", withoutPassword)}), so none can be used{(settingsPath is null ? string.Empty : " and no settings file was written")}. Check that the account may use them with Access \"{query.Access}\", or reset the repository password.");
        }

        MavenSettingsWriteResult? settings = null;
        IReadOnlyList<MavenMirrorCatch> mirrorCatches = [];
        if (settingsPath is not null)
        {
            var composition = MavenSettingsWriter.Compose(repositories, baseSettings, options.Overwrite);
            mirrorCatches = composition.MirrorCatches;
            foreach (var id in composition.ReplacedBaseServers)
            {
                Log(LogSeverity.Info, $"Replaced the base settings' server {id} with the repository's account (Overwrite is set).");
            }

            settings = await MavenSettingsWriter.WriteAsync(settingsPath, composition, options.Overwrite, PrivateFileWriter.Default, cancellationToken).ConfigureAwait(false);
        }

        return new MavenCredentialsResult
        {
            Options = options,
            StartedAt = startedAt,
            FinishedAt = _client.Options.TimeProvider.GetUtcNow(),
            Repositories = repositories,
            RepositoriesWithoutPassword = withoutPassword,
            MirrorCatches = mirrorCatches,
            Settings = settings,
        };
    }

    private static MavenBaseSettings? LoadBase(MavenCredentialsOptions options)
    {
        if (options.BaseSettingsFile is null)
        {
            return null;
        }

        if (options.SettingsFile is null)
        {
            throw Argument.Invalid(
                nameof(MavenCredentialsOptions.BaseSettingsFile),
                options.BaseSettingsFile,
                "a base settings file is merged into the SettingsFile this job writes, so give SettingsFile too, or leave BaseSettingsFile unset");
        }

        return MavenBaseSettings.Load(options.BaseSettingsFile);
    }

    private static string? NormalizePolicy(string? policy) => policy?.Trim().ToLowerInvariant() switch
    {
        "release" or "releases" => "release",
        "snapshot" or "snapshots" => "snapshot",
        null or "" => null,
        var other => other,
    };

    private static string FirstNonEmpty(params string?[] values) => values.First(v => !string.IsNullOrEmpty(v))!;

    private void Log(LogSeverity severity, string message, string? code = null) => _log?.Invoke(new CodeArtifactLogEvent(severity, message, code));
}
