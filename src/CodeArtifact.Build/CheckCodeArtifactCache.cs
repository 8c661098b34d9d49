using System.Globalization;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Jobs;
using CodeArtifact.Core.Runner;
using CodeArtifact.Core.Validation;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace CodeArtifact.Build;

/// <summary>
/// Decides, before a ready target's up-to-date check, whether its job's cached answer may still be
/// used, and removes the answer's marker when not: when a refresh is asked for, when the answer is
/// older than <see cref="CacheMinutes"/>, or when the job's stamp changed. The stamp is a keyed digest
/// of the job's inputs and of the credentials in use (<see cref="CredentialFingerprint"/>), written to
/// <see cref="StampFile"/> when it changes, so that a rotated, replaced or removed key is never "up to date".
/// </summary>
/// <remarks>
/// <para>
/// The secrets are read here, inside the task (environment, credentials file), never as MSBuild
/// properties, which MSBuild logs: only the keyed digest leaves the task. It never fails a build over
/// credentials: the job that uses them reports that, coded, when it runs.
/// </para>
/// <para>
/// It runs in every build that uses a ready target, no-op builds included, so its path is kept short:
/// two file times, the environment, two small file reads and one HMAC.
/// </para>
/// </remarks>
public sealed class CheckCodeArtifactCache : MSBuildTask
{
    /// <summary>The longest cache window accepted: a year.</summary>
    public const int MaxCacheMinutes = 525_600;

    private const int DefaultCacheMinutes = 10;

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

    /// <summary>Remove the cached answer: the job asks the service now.</summary>
    public bool Refresh { get; set; }

    /// <summary>The marker of the job's cached answer (its <c>*.succeeded</c> file): removed when the answer may not be used.</summary>
    [Required]
    public string Marker { get; set; } = string.Empty;

    /// <summary>Where the job's stamp is kept (rewritten only when it changes).</summary>
    [Required]
    public string StampFile { get; set; } = string.Empty;

    /// <summary>The job's inputs as text (its properties and items joined; never a secret), part of the stamp.</summary>
    public string? StampInputs { get; set; }

    /// <summary>The key file of the stamps' HMAC (default: one per user, see <see cref="FingerprintKey.DefaultPath"/>).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The key file to use when <see cref="KeyFile"/> cannot be read or written (the project's <c>obj</c> folder).</summary>
    public string? FallbackKeyFile { get; set; }

    /// <summary>The MSBuild property behind each parameter (<c>CacheMinutes=CodeArtifactCacheMinutes</c>), for messages.</summary>
    public string[]? PropertyNames { get; set; }

    /// <summary>Test seam: the environment variables instead of the process's.</summary>
    internal IReadOnlyDictionary<string, string?>? EnvironmentOverride { get; set; }

    /// <summary>Test seam: the clock.</summary>
    internal TimeProvider Time { get; set; } = TimeProvider.System;

    /// <inheritdoc />
    public override bool Execute()
    {
        if (ParseCacheMinutes() is not { } minutes)
        {
            return false;
        }

        var stale = StaleReason(minutes);
        var stamp = Stamp();
        if (stamp != ReadStamp())
        {
            stale ??= "its inputs or the credentials changed";
            Write(StampFile, stamp);
        }

        if (stale is not null && File.Exists(Marker))
        {
            try
            {
                File.Delete(Marker);
                Log.LogMessage(MessageImportance.Low, "The cached answer {0} is not used: {1}.", Marker, stale);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An answer that cannot be expired must not be reused: stop here rather than trust it.
                FileError(nameof(Marker), ex);
            }
        }

        return !Log.HasLoggedErrors;
    }

    private int? ParseCacheMinutes()
    {
        var text = CacheMinutes?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return DefaultCacheMinutes;
        }

        // By hand: every build passes here, and culture-aware parsing costs a no-op build time for nothing.
        var minutes = 0;
        foreach (var c in text)
        {
            minutes = c is >= '0' and <= '9' && minutes <= MaxCacheMinutes ? (minutes * 10) + (c - '0') : int.MaxValue;
        }

        if (minutes <= MaxCacheMinutes)
        {
            return minutes;
        }

        RefuseCacheMinutes(text);
        return null;
    }

    // Apart, so that the path every build takes does not compile (JIT) what only a refusal needs.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void RefuseCacheMinutes(string text)
    {
        var name = CodeArtifactTask.ParsePropertyNames(PropertyNames).GetValueOrDefault(nameof(CacheMinutes), nameof(CacheMinutes));
        var error = Argument.Invalid(name, text, $"give a whole number of minutes from 0 (ask the service every time) to {MaxCacheMinutes.ToString(CultureInfo.InvariantCulture)}; the default is {DefaultCacheMinutes.ToString(CultureInfo.InvariantCulture)}");
        Log.LogError(null, error.Code, "CodeArtifact." + error.Code, null, 0, 0, 0, 0, "{0}", error.Message);
    }

    /// <summary>Why the answer may not be used whatever the stamp says, or null.</summary>
    private string? StaleReason(int minutes)
    {
        if (Refresh)
        {
            return "a refresh was asked for";
        }

        if (minutes == 0)
        {
            return "the cache is off";
        }

        if (!File.Exists(Marker))
        {
            return null;
        }

        // A marker dated further ahead than the window (a clock set back) is no evidence of a recent
        // answer either; a little ahead is only the skew of a file server's clock.
        var age = Time.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(Marker);
        var window = TimeSpan.FromMinutes(minutes);
        return age >= window || age <= -window ? Expired(age, minutes) : null;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string Expired(TimeSpan age, int minutes) =>
        $"it was written {Math.Floor(age.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes ago, the window is {minutes.ToString(CultureInfo.InvariantCulture)}";

    private string Stamp()
    {
        var settings = new CodeArtifactConnectionSettings
        {
            AccessKey = AccessKey,
            UserName = UserName,
            DomainName = DomainName,
            CredentialsFile = CredentialsFile,
        };
        var overrides = EnvironmentOverride;
        Func<string, string?>? environment = overrides is null ? null : name => overrides.TryGetValue(name, out var value) ? value : null;
        foreach (var keyFile in new[] { NullIfBlank(KeyFile) ?? FingerprintKey.DefaultPath(), NullIfBlank(FallbackKeyFile) })
        {
            if (keyFile is null)
            {
                continue;
            }

            try
            {
                return CredentialFingerprint.Compute(StampInputs ?? string.Empty, settings, environment, FingerprintKey.LoadOrCreate(keyFile));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                Log.LogMessage(MessageImportance.Low, "The stamp key {0} cannot be used: {1}", keyFile, ex.Message);
            }
        }

        // No key anywhere: a stamp that matches no earlier one, so the service is asked again.
        Log.LogMessage(MessageImportance.Normal, "No stamp key could be read or written: the service is asked again, as for changed credentials.");
        return Guid.NewGuid().ToString("N");
    }

    private string? ReadStamp()
    {
        try
        {
            return File.Exists(StampFile) ? File.ReadAllText(StampFile).Trim() : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Write(string path, string text)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, text + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            FileError(nameof(StampFile), ex);
        }
    }

    private void FileError(string parameter, Exception ex)
    {
        var problem = CodedText.Problem(ProblemSeverity.Error, parameter, Messages.Run_FileError, GetType().Name, ex.Message);
        Log.LogError(null, problem.Code, "CodeArtifact." + problem.Code, null, 0, 0, 0, 0, "{0}", problem.Message);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
