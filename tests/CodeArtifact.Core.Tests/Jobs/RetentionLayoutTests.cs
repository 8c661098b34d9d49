using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs;

/// <summary>
/// The retention rules over the layouts users have: <c>app/&lt;semver&gt;/…</c> with pre-releases
/// and sidecars, <c>nightly/&lt;yyyyMMdd&gt;.&lt;n&gt;/…</c>, flat folders, mixed roots, and files
/// of unknown time. Each test asserts the exact candidate set.
/// </summary>
public sealed class RetentionLayoutTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static RetentionFile File(string path, int daysOld = 100) => new(path, Now.AddDays(-daysOld));

    private static string[] Candidates(RetentionPolicy policy, string root, IEnumerable<RetentionFile> files) =>
        policy.Evaluate(root, files.ToArray(), Now).Where(d => d.IsCandidate).Select(d => d.File.Path).ToArray();

    private static Dictionary<string, string?> Reasons(RetentionPolicy policy, string root, IEnumerable<RetentionFile> files) =>
        policy.Evaluate(root, files.ToArray(), Now).ToDictionary(d => d.File.Path, d => d.Reason);

    // app/<semver>/ with a zip and its .sha256 sidecar per version; 1.10.0 sorts above 1.9.0.
    private static IEnumerable<RetentionFile> SemVerApp(string prefix = "/app") =>
        new[] { "1.0.0", "1.1.0", "1.9.0", "1.10.0", "2.0.0-beta.2", "2.0.0-rc.1" }
            .SelectMany(v => new[] { File($"{prefix}/{v}/app.zip"), File($"{prefix}/{v}/app.zip.sha256") });

    private static IEnumerable<RetentionFile> Nightlies() =>
        new[] { "20231231.9", "20240101.1", "20240101.2", "20240101.9", "20240101.10", "20240102.1" }
            .Select(v => File($"/nightly/{v}/build.tar.gz"));

    private static string[] Files(string prefix, params string[] versions) =>
        versions.SelectMany(v => new[] { $"{prefix}/{v}/app.zip", $"{prefix}/{v}/app.zip.sha256" }).ToArray();

    public sealed class TheKeepLatestVersionsRule
    {
        [Fact]
        public void Should_Keep_The_N_Highest_SemVer_Versions_With_Their_Sidecars()
        {
            // Given 1.0.0 … 1.10.0 and two pre-releases of 2.0.0; when the three highest are kept
            var candidates = Candidates(new RetentionPolicy(keepLatestVersions: 3), "/", SemVerApp());

            // Then 2.0.0-rc.1, 2.0.0-beta.2 and 1.10.0 stay (1.10.0 > 1.9.0), and every file of the others goes
            Assert.Equal(Files("/app", "1.0.0", "1.1.0", "1.9.0"), candidates);
        }

        [Fact]
        public void Should_Never_Let_Pre_Releases_Push_Out_The_Latest_Release()
        {
            // Given the highest version is a pre-release; when only one version is kept
            var reasons = Reasons(new RetentionPolicy(keepLatestVersions: 1), "/", SemVerApp());

            // Then the highest version and the highest release both stay
            Assert.Equal(Files("/app", "1.0.0", "1.1.0", "1.9.0", "2.0.0-beta.2"), reasons.Where(r => r.Value is null).Select(r => r.Key).Order(StringComparer.Ordinal).ToArray());
            Assert.Equal("keep-latest-versions", reasons["/app/2.0.0-rc.1/app.zip"]);
            Assert.Equal("latest-release", reasons["/app/1.10.0/app.zip"]);
            Assert.Equal("latest-release", reasons["/app/1.10.0/app.zip.sha256"]);
        }

        [Fact]
        public void Should_Order_Nightly_Builds_By_Date_Then_Build_Number()
        {
            // Given yyyyMMdd.n folders, where 20240101.10 is newer than 20240101.9
            var candidates = Candidates(new RetentionPolicy(keepLatestVersions: 2), "/", Nightlies());

            // Then 20240102.1 and 20240101.10 stay
            Assert.Equal(
                ["/nightly/20231231.9/build.tar.gz", "/nightly/20240101.1/build.tar.gz", "/nightly/20240101.2/build.tar.gz", "/nightly/20240101.9/build.tar.gz"],
                candidates);
        }

        [Fact]
        public void Should_Never_Select_Files_Of_A_Flat_Folder_And_Count_Them()
        {
            // Given files with the version only in their names
            RetentionFile[] flat = [File("/tools/tool-1.0.zip"), File("/tools/tool-1.1.zip"), File("/tools/tool-2.0.zip")];

            // When
            var reasons = Reasons(new RetentionPolicy(keepLatestVersions: 1), "/", flat);

            // Then none is a candidate: their version is unknown
            Assert.All(reasons.Values, r => Assert.Equal("no-version", r));
        }

        [Fact]
        public void Should_Rank_Each_Package_Of_A_Mixed_Root_Apart()
        {
            // Given a root holding a SemVer app, nightlies, nested packages, a flat folder and a top-level file
            var files = SemVerApp()
                .Concat(Nightlies())
                .Concat([File("/libs/core/1.0/core.jar"), File("/libs/core/2.0/core.jar"), File("/libs/core/2.0/core.jar.md5")])
                .Concat([File("/libs/util/0.1/util.jar"), File("/libs/util/v0.2/util.jar")])
                .Concat([File("/tools/tool-1.0.zip"), File("/readme.txt")])
                .ToArray();

            // When one version of each package is kept
            var policy = new RetentionPolicy(keepLatestVersions: 1);
            var candidates = Candidates(policy, "/", files);

            // Then each package keeps its own highest version (and release)
            string[] expected =
            [
                .. Files("/app", "1.0.0", "1.1.0", "1.9.0", "2.0.0-beta.2"),
                "/libs/core/1.0/core.jar",
                "/libs/util/0.1/util.jar",
                "/nightly/20231231.9/build.tar.gz",
                "/nightly/20240101.1/build.tar.gz",
                "/nightly/20240101.10/build.tar.gz",
                "/nightly/20240101.2/build.tar.gz",
                "/nightly/20240101.9/build.tar.gz",
            ];
            Assert.Equal(expected.Order(StringComparer.Ordinal), candidates.Order(StringComparer.Ordinal));
            var reasons = Reasons(policy, "/", files);
            Assert.Equal("no-version", reasons["/tools/tool-1.0.zip"]);
            Assert.Equal("no-version", reasons["/readme.txt"]);
        }

        [Fact]
        public void Should_Read_Versions_Below_A_Nested_Root()
        {
            // Given the root is the package itself (its versions are the root's first folders)
            var reasons = Reasons(new RetentionPolicy(keepLatestVersions: 2), "/app", SemVerApp());

            // Then the two pre-releases are the two highest versions, and the latest release stays too
            Assert.Equal(Files("/app", "1.0.0", "1.1.0", "1.9.0"), reasons.Where(r => r.Value is null).Select(r => r.Key).Order(StringComparer.Ordinal));
            Assert.Equal("keep-latest-versions", reasons["/app/2.0.0-beta.2/app.zip"]);
            Assert.Equal("latest-release", reasons["/app/1.10.0/app.zip"]);
        }

        [Fact]
        public void Should_Combine_With_Other_Rules_By_And()
        {
            // Given versions of different ages
            RetentionFile[] files =
            [
                File("/app/1.0.0/app.zip", 90), File("/app/1.1.0/app.zip", 60), File("/app/1.2.0/app.zip", 10),
                File("/app/1.3.0/app.zip", 5), File("/app/1.4.0/app.zip", 1),
            ];

            // When the two highest versions stay and only files older than 30 days go
            var reasons = Reasons(new RetentionPolicy(keepLatestVersions: 2, olderThanDays: 30), "/", files);

            // Then only old files outside the two highest versions go
            Assert.Equal(["/app/1.0.0/app.zip", "/app/1.1.0/app.zip"], reasons.Where(r => r.Value is null).Select(r => r.Key).Order(StringComparer.Ordinal));
            Assert.Equal("too-new", reasons["/app/1.2.0/app.zip"]);
            Assert.Equal("keep-latest-versions", reasons["/app/1.4.0/app.zip"]);
        }

        [Fact]
        public void Should_Count_Versions_Among_Selected_Files_Only()
        {
            // Given the highest version holds only a file the include globs leave out
            RetentionFile[] files = [File("/app/1.0.0/app.zip"), File("/app/1.1.0/app.zip"), File("/app/2.0.0/notes.txt")];

            var candidates = Candidates(new RetentionPolicy(include: ["**/*.zip"], keepLatestVersions: 1), "/", files);

            // Then 1.1.0 is the highest version the policy is about, and stays
            Assert.Equal(["/app/1.0.0/app.zip"], candidates);
        }
    }

    public sealed class UnknownTimes
    {
        private static readonly RetentionFile[] Files =
        [
            File("/app/1.0.0/app.zip", 90),
            new("/app/1.0.0/app.zip.sha256", null),
            File("/app/2.0.0/app.zip", 5),
            new("/flat/unknown.zip", null),
            File("/flat/old.zip", 90),
            File("/flat/older.zip", 95),
        ];

        public static TheoryData<RetentionPolicy, string[]> Rules => new()
        {
            { new RetentionPolicy(keepLatest: 1), ["/flat/older.zip"] }, // /app/1.0.0/app.zip is the newest known file of its folder
            { new RetentionPolicy(keepLatestVersions: 1), ["/app/1.0.0/app.zip"] },
            { new RetentionPolicy(olderThanDays: 30), ["/app/1.0.0/app.zip", "/flat/old.zip", "/flat/older.zip"] },
        };

        [Theory]
        [MemberData(nameof(Rules))]
        public void Should_Never_Be_A_Reason_To_Delete(RetentionPolicy policy, string[] expected)
        {
            var reasons = Reasons(policy, "/", Files);

            Assert.Equal(expected, reasons.Where(r => r.Value is null).Select(r => r.Key).Order(StringComparer.Ordinal));
            Assert.Equal("time-unknown", reasons["/flat/unknown.zip"]);
            Assert.Equal("time-unknown", reasons["/app/1.0.0/app.zip.sha256"]);
        }

        [Fact]
        public void Should_Still_Be_Selected_By_Globs_Alone()
        {
            // No rule needs a time: the include glob alone decides
            Assert.Equal(["/flat/unknown.zip", "/flat/old.zip", "/flat/older.zip"], Candidates(new RetentionPolicy(include: ["flat/*"]), "/", Files));
        }
    }

    public sealed class TheJudgeUsageMethod
    {
        private static readonly RetentionPolicy Policy = new(notDownloadedForDays: 30);

        [Theory]
        [InlineData(40, 400, 400, null)] // last downloaded 40 days ago
        [InlineData(10, 400, 400, "recently-downloaded")]
        [InlineData(null, 400, 400, null)] // never downloaded: counts from the upload
        [InlineData(null, 5, 5, "recently-uploaded")] // a fresh upload is never unused
        [InlineData(null, 400, 2, "recently-uploaded")] // nor a fresh upload over an old file
        [InlineData(60, 400, 2, "recently-uploaded")] // downloaded long ago, but uploaded again since
        [InlineData(null, null, 400, null)]
        [InlineData(40, null, null, null)]
        [InlineData(null, null, null, "usage-unknown")]
        public void Should_Count_From_The_Last_Download_Or_Upload(int? downloadedDaysAgo, int? createdDaysAgo, int? modifiedDaysAgo, string? expected)
        {
            DateTimeOffset? Ago(int? days) => days is { } d ? Now.AddDays(-d) : null;

            Assert.Equal(expected, Policy.JudgeUsage(Ago(downloadedDaysAgo), Ago(createdDaysAgo), Ago(modifiedDaysAgo), Now));
        }

        [Fact]
        public void Should_Judge_Nothing_If_The_Rule_Is_Off()
        {
            Assert.Null(new RetentionPolicy().JudgeUsage(Now, Now, Now, Now));
            Assert.False(new RetentionPolicy().JudgesUsage);
            Assert.True(Policy.JudgesUsage);
        }
    }

    public sealed class TheVersionSegments
    {
        [Theory]
        [InlineData("1.2.3", true)]
        [InlineData("2.0.0-rc.1", true)]
        [InlineData("v1.2", true)]
        [InlineData("V10", true)]
        [InlineData("20240101.1", true)]
        [InlineData("1", true)]
        [InlineData("app", false)]
        [InlineData("x86", false)]
        [InlineData("64bit", false)]
        [InlineData("v", false)]
        [InlineData("vnext", false)]
        [InlineData("", false)]
        public void Should_Read_A_Folder_Name_As_A_Version_If_It_Starts_With_A_Number(string segment, bool expected)
        {
            Assert.Equal(expected, VersionSegments.IsVersion(segment));
        }

        [Theory]
        [InlineData("app/1.2.0/app.zip", "app", "1.2.0")]
        [InlineData("1.2.0/app.zip", "", "1.2.0")]
        [InlineData("libs/core/2.0/sub/3.0/x.jar", "libs/core", "2.0")]
        [InlineData("tools/1.0.zip", null, null)] // a file's own name is not its version
        public void Should_Find_The_First_Versioned_Folder(string relativePath, string? package, string? version)
        {
            var located = VersionSegments.Locate(relativePath);

            Assert.Equal(package, located?.Package);
            Assert.Equal(version, located?.Version);
        }
    }

    public sealed class TheConstructor
    {
        [Theory]
        [InlineData(-1, null, "KeepLatestVersions")]
        [InlineData(0, -1.0, "NotDownloadedForDays")]
        [InlineData(0, double.NaN, "NotDownloadedForDays")]
        [InlineData(0, 400_000.0, "NotDownloadedForDays")]
        public void Should_Reject_Bad_Numbers_Naming_The_Parameter(int keepLatestVersions, double? notDownloadedForDays, string parameter)
        {
            var error = Assert.Throws<CodeArtifactException>(() => new RetentionPolicy(keepLatestVersions: keepLatestVersions, notDownloadedForDays: notDownloadedForDays));

            Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
            Assert.Equal(parameter, error.ParameterName);
            Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        }
    }
}
