using System.Globalization;
using CodeArtifact.Core;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using CodeArtifact.Core.Validation;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace CodeArtifact.Build;

/// <summary>
/// What the ready targets' stamps need before they decide whether a cached answer of the service
/// may be reused: the fingerprint of the credentials in use, and the removal of every answer that
/// is too old (or of all of them when a refresh is asked for). Runs once per build, for all stamps.
/// </summary>
/// <remarks>
/// The secrets are read here, inside the task, by Core's credential chain (environment, then the
/// credentials file): MSBuild logs every property and task parameter, so only a keyed digest
/// (<see cref="CredentialFingerprint"/>) leaves the task. This task never fails a build over
/// credentials: the job that uses them reports that, coded, when it runs.
/// </remarks>
public sealed class CheckCodeArtifactCache : MSBuildTask
{
    /// <summary>The longest cache window accepted: a year.</summary>
    public const int MaxCacheMinutes = 525_600;

    /// <summary>The access key id (as the jobs' <c>AccessKey</c>).</summary>
    public string? AccessKey { get; set; }

    /// <summary>An IAM user name (as the jobs' <c>UserName</c>).</summary>
    public string? UserName { get; set; }

    /// <summary>The IAM user's account name (as the jobs' <c>DomainName</c>).</summary>
    public string? DomainName { get; set; }

    /// <summary>The credentials file (as the jobs' <c>CredentialsFile</c>).</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>How long an answer of the service may be reused, in whole minutes: 0 asks every time (default 10).</summary>
    public string? CacheMinutes { get; set; }

    /// <summary>Remove every cached answer: the jobs ask the service now.</summary>
    public bool Refresh { get; set; }

    /// <summary>The markers of the cached answers (each job's <c>*.succeeded</c> file): removed when older than <see cref="CacheMinutes"/>.</summary>
    public ITaskItem[] CachedAnswers { get; set; } = [];

    /// <summary>The key file of the fingerprint (default: one per user, see <see cref="FingerprintKey.DefaultPath"/>).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The key file to use when <see cref="KeyFile"/> cannot be read or written (the project's <c>obj</c> folder).</summary>
    public string? FallbackKeyFile { get; set; }

    /// <summary>The MSBuild property behind each parameter (<c>CacheMinutes=CodeArtifactCacheMinutes</c>), for messages.</summary>
    public string[]? PropertyNames { get; set; }

    /// <summary>The fingerprint of the credentials: 64 hex digits, never the secret; part of every stamp.</summary>
    [Output]
    public string CredentialFingerprint { get; private set; } = string.Empty;

    /// <summary>Test seam: the environment variables instead of the process's.</summary>
    internal IReadOnlyDictionary<string, string?>? EnvironmentOverride { get; set; }

    /// <summary>Test seam: the clock.</summary>
    internal TimeProvider Time { get; set; } = TimeProvider.System;

    /// <inheritdoc />
    public override bool Execute()
    {
        var names = CodeArtifactTask.ParsePropertyNames(PropertyNames);
        var minutes = ParseCacheMinutes(names.GetValueOrDefault(nameof(CacheMinutes), nameof(CacheMinutes)));
        if (minutes is null)
        {
            return false;
        }

        ExpireCachedAnswers(minutes.Value);
        CredentialFingerprint = Fingerprint();
        return !Log.HasLoggedErrors;
    }

    private int? ParseCacheMinutes(string name)
    {
        var text = CacheMinutes?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return 10;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes <= MaxCacheMinutes)
        {
            return minutes;
        }

        var error = Argument.Invalid(name, text, $"give a whole number of minutes from 0 (ask the service every time) to {MaxCacheMinutes.ToString(CultureInfo.InvariantCulture)}; the default is 10");
        Log.LogError(null, error.Code, "CodeArtifact." + error.Code, null, 0, 0, 0, 0, "{0}", error.Message);
        return null;
    }

    private void ExpireCachedAnswers(int minutes)
    {
        var now = Time.GetUtcNow();
        foreach (var marker in CachedAnswers.Select(a => a.GetMetadata("FullPath")).Where(File.Exists))
        {
            var age = now - new DateTimeOffset(File.GetLastWriteTimeUtc(marker), TimeSpan.Zero);

            // A marker dated further ahead than the window (a clock set back) is no evidence of a recent
            // answer either; a little ahead is only the skew of a file server's clock.
            var window = TimeSpan.FromMinutes(minutes);
            var reason = Refresh ? "a refresh was asked for"
                : minutes == 0 ? "the cache is off (0 minutes)"
                : age >= window ? $"it is {Math.Floor(age.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes old, {minutes.ToString(CultureInfo.InvariantCulture)} are allowed"
                : age <= -window ? $"it is dated {Math.Floor(-age.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes ahead of this clock"
                : null;
            if (reason is null)
            {
                continue;
            }

            try
            {
                File.Delete(marker);
                Log.LogMessage(MessageImportance.Low, "The cached answer {0} is not used: {1}.", marker, reason);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An answer that cannot be expired must not be reused: stop here rather than trust it.
                var problem = CodedText.Problem(ProblemSeverity.Error, nameof(CachedAnswers), Messages.Run_FileError, GetType().Name, ex.Message);
                Log.LogError(null, problem.Code, "CodeArtifact." + problem.Code, null, 0, 0, 0, 0, "{0}", problem.Message);
            }
        }
    }

    private string Fingerprint()
    {
        var settings = new CodeArtifactConnectionSettings
        {
            AccessKey = AccessKey,
            UserName = UserName,
            DomainName = DomainName,
            CredentialsFile = CredentialsFile,
        };
        Func<string, string?>? environment = EnvironmentOverride is { } variables ? name => variables.TryGetValue(name, out var value) ? value : null : null;
        foreach (var keyFile in new[] { NullIfBlank(KeyFile) ?? FingerprintKey.DefaultPath(), NullIfBlank(FallbackKeyFile) }.OfType<string>())
        {
            try
            {
                return CodeArtifact.Core.Auth.CredentialFingerprint.Compute(settings, environment, FingerprintKey.LoadOrCreate(keyFile));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                Log.LogMessage(MessageImportance.Low, "The fingerprint key {0} cannot be used: {1}", keyFile, ex.Message);
            }
        }

        // No key anywhere: a fingerprint that matches no earlier one, so every cached answer is asked again.
        Log.LogMessage(MessageImportance.Normal, "No fingerprint key could be read or written: the service is asked again, as for changed credentials.");
        return Guid.NewGuid().ToString("N");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
