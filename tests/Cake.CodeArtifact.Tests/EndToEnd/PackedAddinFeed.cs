using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Cake.CodeArtifact.Tests.EndToEnd;

/// <summary>
/// Packs Cake.CodeArtifact once per test run, from the build this test project was compiled
/// against (its own project reference's output: no second compilation of the addin and Core), with
/// a version no earlier run used (so no cached copy can stand in for this build), into a local
/// folder feed that also holds whatever packages
/// it depends on (none: it carries Core and its dependencies in its own lib folder) from NuGet's
/// global packages folder: scripts then load the addin exactly as users do, and without any
/// traffic beyond this machine.
/// </summary>
internal sealed class PackedAddinFeed
{
    private PackedAddinFeed(string directory, string version)
    {
        Directory = directory;
        Version = version;
    }

    /// <summary>The feed folder.</summary>
    public string Directory { get; }

    /// <summary>The version of the package, such as <c>0.1.0-t20250101120000123</c>.</summary>
    public string Version { get; }

    public string AddinPackagePath => Path.Combine(Directory, $"Cake.CodeArtifact.{Version}.nupkg");

    public static async Task<PackedAddinFeed> CreateAsync(string workRoot)
    {
        var version = "0.1.0-t" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        var feed = System.IO.Directory.CreateDirectory(Path.Combine(workRoot, "feed")).FullName;

        // No build and no restore: the addin's output of this test project's own build is packed
        // as it is (PackageVersion, not Version: the assemblies stay as built), and nothing in the
        // bin/obj folders that other test projects use is written but this version's nuspec. No
        // build servers: they would outlive the pack holding its output pipes open, and this process
        // would wait on them.
        var pack = await ExternalProcess.RunAsync(
            "dotnet",
            ["pack", RepositoryLayout.AddinProject, "-c", RepositoryLayout.Configuration, "-o", feed, "--no-build", "--no-restore", "--disable-build-servers", $"-p:PackageVersion={version}"],
            RepositoryLayout.Root);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("Packing failed: " + pack);
        }

        var result = new PackedAddinFeed(feed, version);
        result.CopyDependencies(result.AddinPackagePath);
        return result;
    }

    /// <summary>The dependencies a net10.0 host needs, and theirs, copied from the global packages folder.</summary>
    private void CopyDependencies(string package)
    {
        foreach (var (id, minimum) in DependenciesOf(package))
        {
            var version = Resolved(id, minimum);
            var folder = Path.Combine(RepositoryLayout.GlobalPackages, id.ToLowerInvariant(), version.ToLowerInvariant());
            var source = Path.Combine(folder, $"{id.ToLowerInvariant()}.{version.ToLowerInvariant()}.nupkg");
            var target = Path.Combine(Directory, Path.GetFileName(source));
            if (!File.Exists(source))
            {
                throw new InvalidOperationException($"{id} {version} is not in {RepositoryLayout.GlobalPackages}: restore the solution first.");
            }

            if (!File.Exists(target))
            {
                File.Copy(source, target);
                CopyDependencies(target);
            }
        }
    }

    /// <summary>
    /// The version restore used: the one named when the global folder has it, else (a minimum that
    /// a central pin raised, such as Semver's Microsoft.Extensions.Primitives 5.0.1 pinned to 8.0.0)
    /// the lowest version there above it, which is also the one NuGet takes from this feed.
    /// </summary>
    private static string Resolved(string id, string minimum)
    {
        var root = Path.Combine(RepositoryLayout.GlobalPackages, id.ToLowerInvariant());
        if (System.IO.Directory.Exists(Path.Combine(root, minimum.ToLowerInvariant())) || !System.Version.TryParse(minimum, out var floor))
        {
            return minimum;
        }

        var above = System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetDirectories(root)
                .Select(Path.GetFileName)
                .Select(name => (Name: name!, Parsed: System.Version.TryParse(name, out var v) ? v : null))
                .Where(c => c.Parsed is not null && c.Parsed >= floor)
                .OrderBy(c => c.Parsed)
                .Select(c => c.Name)
                .FirstOrDefault()
            : null;
        return above ?? minimum;
    }

    private static IEnumerable<(string Id, string Version)> DependenciesOf(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        var nuspec = XDocument.Load(stream);
        var groups = nuspec.Descendants().Where(e => e.Name.LocalName == "group").ToList();
        var group = groups
            .Select(g => (Group: g, Framework: NetVersion((string?)g.Attribute("targetFramework"))))
            .Where(g => g.Framework is not null && g.Framework <= new Version(10, 0))
            .OrderByDescending(g => g.Framework)
            .Select(g => g.Group)
            .FirstOrDefault();
        var dependencies = group?.Elements() ?? nuspec.Descendants().Where(e => e.Name.LocalName == "dependencies").Elements().Where(e => e.Name.LocalName == "dependency");
        foreach (var dependency in dependencies.Where(e => e.Name.LocalName == "dependency"))
        {
            // Exact or minimum version: both name the version restore used, which is the one in the global folder.
            var version = ((string)dependency.Attribute("version")!).Trim('[', ']', '(', ')').Split(',')[0];
            yield return ((string)dependency.Attribute("id")!, version);
        }
    }

    private static Version? NetVersion(string? framework) =>
        framework is { Length: > 3 } && framework.StartsWith("net", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(framework[3])
            && System.Version.TryParse(framework[3..], out var version) && version.Major >= 5
            ? version
            : null;
}
