using System.Xml.Linq;

namespace CodeArtifact.Core.Jobs;

/// <summary>
/// Puts our servers, our profile and its activation into a settings document, leaving every other
/// node of it as it was: <c>localRepository</c>, mirrors, proxies, other servers (encrypted
/// <c>{…}</c> passwords included), other profiles, active profiles, comments and layout.
/// </summary>
/// <remarks>
/// <para>
/// What we own is marked with a comment before it (<see cref="MavenSettingsXml.ElementMarker"/>),
/// so a later run that merges into a file an earlier run wrote replaces exactly that and nothing
/// else. A base server with one of our ids is replaced when it holds the same user name and
/// password; with other credentials it is refused (CART0205) unless <c>overwrite</c>. So is a
/// base profile named <see cref="MavenSettingsWriter.ProfileId"/>.
/// </para>
/// <para>
/// Listing our profile in <c>&lt;activeProfiles&gt;</c> would switch off the base's
/// <c>activeByDefault</c> profiles (Maven activates those only when no other profile is active).
/// When the base lists no active profile, its <c>activeByDefault</c> profiles are therefore listed
/// too, so they stay active. (Had one of the base's conditionally activated profiles been active
/// at run time, Maven would have left them off; a file cannot know that condition in advance.)
/// </para>
/// </remarks>
internal static class MavenSettingsMerger
{
    private const string Parameter = nameof(MavenCredentialsOptions.Overwrite);

    /// <summary>Merges in place; returns the ids of base servers replaced despite other credentials (only when <paramref name="overwrite"/>).</summary>
    public static IReadOnlyList<string> Merge(XDocument document, IReadOnlyList<MavenRepositoryCredential> repositories, string? basePath, bool overwrite)
    {
        var root = document.Root!;
        var unit = MavenSettingsXml.IndentUnit(root);

        foreach (var managed in root.Descendants().Where(MavenSettingsXml.IsManaged).ToList())
        {
            MavenSettingsXml.RemoveManaged(managed);
        }

        var replaced = MergeServers(root, repositories, basePath, overwrite, unit);
        MergeProfile(root, repositories, basePath, overwrite, unit);
        MergeActiveProfiles(root, unit);
        return replaced;
    }

    private static List<string> MergeServers(XElement root, IReadOnlyList<MavenRepositoryCredential> repositories, string? basePath, bool overwrite, string unit)
    {
        var ns = root.Name.Namespace;
        var replaced = new List<string>();
        if (repositories.Count == 0)
        {
            return replaced;
        }

        var servers = MavenSettingsXml.Container(root, "servers", 1, unit);
        foreach (var repository in repositories)
        {
            var ours = Server(ns, repository);
            var existing = servers.Elements(ns + "server").Where(s => MavenSettingsXml.Child(s, "id") == repository.Id).ToList();
            if (existing.Count == 0)
            {
                MavenSettingsXml.Append(servers, ours, 2, unit, managed: true);
                continue;
            }

            if (!existing.All(s => SameCredentials(s, repository)))
            {
                if (!overwrite)
                {
                    throw Conflict(
                        $"The base settings file {basePath} already has a <server> with id \"{repository.Id}\" and other credentials (user name or password, perhaps encrypted). "
                        + "It is left alone, and no settings file was written. Remove that server from the base, or set Overwrite to true to replace it with the repository's account.");
                }

                replaced.Add(repository.Id);
            }

            MavenSettingsXml.ReplaceManaged(existing[0], ours, 2, unit);
            foreach (var duplicate in existing.Skip(1))
            {
                duplicate.Remove();
            }
        }

        return replaced;
    }

    private static void MergeProfile(XElement root, IReadOnlyList<MavenRepositoryCredential> repositories, string? basePath, bool overwrite, string unit)
    {
        var ns = root.Name.Namespace;
        var profiles = MavenSettingsXml.Container(root, "profiles", 1, unit);
        var ours = Profile(ns, repositories);
        var existing = profiles.Elements(ns + "profile").Where(p => MavenSettingsXml.Child(p, "id") == MavenSettingsWriter.ProfileId).ToList();
        if (existing.Count == 0)
        {
            MavenSettingsXml.Append(profiles, ours, 2, unit, managed: true);
            return;
        }

        if (!overwrite)
        {
            throw Conflict(
                $"The base settings file {basePath} already has a <profile> with id \"{MavenSettingsWriter.ProfileId}\" that CodeArtifact.Build did not write. "
                + "It is left alone, and no settings file was written. Rename that profile in the base, or set Overwrite to true to replace it.");
        }

        MavenSettingsXml.ReplaceManaged(existing[0], ours, 2, unit);
        foreach (var duplicate in existing.Skip(1))
        {
            duplicate.Remove();
        }
    }

    private static void MergeActiveProfiles(XElement root, string unit)
    {
        var ns = root.Name.Namespace;
        var activeProfiles = MavenSettingsXml.Container(root, "activeProfiles", 1, unit);
        foreach (var duplicate in activeProfiles.Elements(ns + "activeProfile").Where(a => a.Value.Trim() == MavenSettingsWriter.ProfileId).ToList())
        {
            duplicate.Remove();
        }

        if (!activeProfiles.Elements(ns + "activeProfile").Any())
        {
            var byDefault = root.Element(ns + "profiles")?.Elements(ns + "profile")
                .Where(p => p.Element(ns + "activation") is { } activation && MavenSettingsXml.Child(activation, "activeByDefault") == "true")
                .Select(p => MavenSettingsXml.Child(p, "id"))
                .Where(id => !string.IsNullOrEmpty(id) && id != MavenSettingsWriter.ProfileId)
                .Distinct(StringComparer.Ordinal)
                .ToList() ?? [];
            foreach (var id in byDefault)
            {
                MavenSettingsXml.Append(activeProfiles, new XElement(ns + "activeProfile", id), 2, unit, managed: true);
            }
        }

        MavenSettingsXml.Append(activeProfiles, new XElement(ns + "activeProfile", MavenSettingsWriter.ProfileId), 2, unit, managed: true);
    }

    private static bool SameCredentials(XElement server, MavenRepositoryCredential repository) =>
        MavenSettingsXml.Child(server, "username") == repository.UserName
        && MavenSettingsXml.Child(server, "password") == repository.Password.Reveal()
        && server.Element(server.Name.Namespace + "privateKey") is null;

    private static XElement Server(XNamespace ns, MavenRepositoryCredential repository) => new(
        ns + "server",
        new XElement(ns + "id", repository.Id),
        new XElement(ns + "username", repository.UserName),
        new XElement(ns + "password", repository.Password.Reveal()));

    private static XElement Profile(XNamespace ns, IReadOnlyList<MavenRepositoryCredential> repositories) => new(
        ns + "profile",
        new XElement(ns + "id", MavenSettingsWriter.ProfileId),
        new XElement(ns + "repositories", repositories.Select(r => Repository(ns, "repository", r))),
        new XElement(ns + "pluginRepositories", repositories.Select(r => Repository(ns, "pluginRepository", r))));

    private static XElement Repository(XNamespace ns, string name, MavenRepositoryCredential repository)
    {
        var (releases, snapshots) = Enabled(repository.Policy);
        return new XElement(
            ns + name,
            new XElement(ns + "id", repository.Id),
            new XElement(ns + "name", repository.Name),
            new XElement(ns + "url", repository.Url),
            new XElement(ns + "releases", new XElement(ns + "enabled", releases ? "true" : "false")),
            new XElement(ns + "snapshots", new XElement(ns + "enabled", snapshots ? "true" : "false")));
    }

    // A repository of unknown policy (a virtual one) may serve both kinds.
    private static (bool Releases, bool Snapshots) Enabled(string? policy) => policy?.ToLowerInvariant() switch
    {
        "release" or "releases" => (true, false),
        "snapshot" or "snapshots" => (false, true),
        _ => (true, true),
    };

    private static CodeArtifactException Conflict(string message) =>
        new(ErrorCodes.BaseSettingsConflict, message) { ParameterName = Parameter };
}
