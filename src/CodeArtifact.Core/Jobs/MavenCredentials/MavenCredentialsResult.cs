using CodeArtifact.Core.Auth;

namespace CodeArtifact.Core.Jobs;

/// <summary>One Maven repository and the account to use it.</summary>
/// <param name="Id">The repository id (the <c>&lt;server&gt;</c> and <c>&lt;repository&gt;</c> id in settings.xml).</param>
/// <param name="Name">Its display name.</param>
/// <param name="Url">Its URL.</param>
/// <param name="Policy"><c>release</c>, <c>snapshot</c>, or null when it serves both.</param>
/// <param name="UserName">The account.</param>
/// <param name="Password">The password; its <see cref="Secret.ToString"/> redacts.</param>
public sealed record MavenRepositoryCredential(string Id, string Name, string Url, string? Policy, string UserName, Secret Password);

/// <summary>The outcome of <see cref="MavenCredentialsJob"/>.</summary>
public sealed class MavenCredentialsResult : JobResult
{
    /// <inheritdoc />
    public override string JobName => "maven-credentials";

    /// <summary>The inputs (they hold no secret).</summary>
    public required MavenCredentialsOptions Options { get; init; }

    public required IReadOnlyList<MavenRepositoryCredential> Repositories { get; init; }

    /// <summary>What happened to <see cref="MavenCredentialsOptions.SettingsFile"/>, when one was asked for.</summary>
    public MavenSettingsWriteResult? Settings { get; init; }

    /// <inheritdoc />
    public override string Summary
    {
        get
        {
            var found = Repositories.Count == 0
                ? "no Maven repository matched"
                : $"{Quantity.Of(Repositories.Count, "Maven repository", "Maven repositories")} ({string.Join(", ", Repositories.Select(r => r.Id))})";
            var file = Settings is null ? string.Empty : Settings.Changed ? $"; wrote {Settings.Path}" : $"; {Settings.Path} is up to date";
            return $"Maven credentials: {found}{file}.";
        }
    }
}
