using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs;

public sealed class RetentionPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static RetentionFile File(string path, int daysOld) => new(path, Now.AddDays(-daysOld));

    private static string[] Candidates(RetentionPolicy policy, string root, params RetentionFile[] files) =>
        policy.Evaluate(root, files, Now).Where(d => d.IsCandidate).Select(d => d.File.Path).ToArray();

    private static Dictionary<string, string?> Reasons(RetentionPolicy policy, string root, params RetentionFile[] files) =>
        policy.Evaluate(root, files, Now).ToDictionary(d => d.File.Path, d => d.Reason);

    public sealed class TheEvaluateMethod
    {
        private static readonly RetentionFile[] Builds =
        [
            File("/app/1.0/app.zip", 40),
            File("/app/1.0/app.zip.sha256", 40),
            File("/app/1.1/app.zip", 20),
            File("/app/1.2/app.zip", 5),
            File("/app/readme.txt", 100),
            File("/tools/tool.zip", 60),
        ];

        [Fact]
        public void Should_Select_Every_File_If_No_Rule_Is_Given()
        {
            Assert.Equal(Builds.Select(b => b.Path), Candidates(new RetentionPolicy(), "/", Builds));
        }

        public static TheoryData<string[], string[], string[], string[]> GlobCases => new()
        {
            // include, exclude, protect → candidates
            { ["**/*.zip"], [], [], ["/app/1.0/app.zip", "/app/1.1/app.zip", "/app/1.2/app.zip", "/tools/tool.zip"] },
            { ["app/**/*.zip"], [], [], ["/app/1.0/app.zip", "/app/1.1/app.zip", "/app/1.2/app.zip"] },
            { ["*.txt"], [], [], [] }, // globs are relative to the root: a top-level *.txt matches nothing here
            { ["app/*.txt"], [], [], ["/app/readme.txt"] },
            { ["**/*"], ["**/*.sha256", "tools/**"], [], ["/app/1.0/app.zip", "/app/1.1/app.zip", "/app/1.2/app.zip", "/app/readme.txt"] },
            { ["**/*.zip"], [], ["app/1.1/**"], ["/app/1.0/app.zip", "/app/1.2/app.zip", "/tools/tool.zip"] },
            { ["/app/**/*.zip"], [], [], ["/app/1.0/app.zip", "/app/1.1/app.zip", "/app/1.2/app.zip"] }, // a leading '/' is ignored
            { ["**/*.ZIP"], [], [], [] }, // case-sensitive
            { ["APP/**"], [], [], [] },
            { ["**/*"], ["**/*.Zip"], [], ["/app/1.0/app.zip", "/app/1.0/app.zip.sha256", "/app/1.1/app.zip", "/app/1.2/app.zip", "/app/readme.txt", "/tools/tool.zip"] },
            { ["**/*"], [], ["**/*"], [] },
        };

        [Theory]
        [MemberData(nameof(GlobCases))]
        public void Should_Apply_Globs_Relative_To_Root_Case_Sensitively(string[] include, string[] exclude, string[] protect, string[] expected)
        {
            var policy = new RetentionPolicy(include, exclude, protect);

            Assert.Equal(expected, Candidates(policy, "/", Builds));
        }

        [Fact]
        public void Should_Match_Relative_To_A_Nested_Root()
        {
            // Given a root of /app: "1.0/*" means /app/1.0/*
            var policy = new RetentionPolicy(include: ["1.0/*"]);
            var underApp = Builds.Where(b => b.Path.StartsWith("/app/", StringComparison.Ordinal)).ToArray();

            Assert.Equal(["/app/1.0/app.zip", "/app/1.0/app.zip.sha256"], Candidates(policy, "/app/", underApp));
        }

        [Fact]
        public void Should_Keep_The_Latest_N_Of_Each_Folder()
        {
            // Given two folders, each with four files
            RetentionFile[] files =
            [
                File("/a/v1.zip", 40), File("/a/v2.zip", 30), File("/a/v3.zip", 20), File("/a/v4.zip", 10),
                File("/b/x1.zip", 4), File("/b/x2.zip", 3), File("/b/x3.zip", 2), File("/b/x4.zip", 1),
            ];

            // When the two newest of each folder are kept
            var candidates = Candidates(new RetentionPolicy(keepLatest: 2), "/", files);

            // Then the two oldest of each folder go, not the four oldest overall
            Assert.Equal(["/a/v1.zip", "/a/v2.zip", "/b/x1.zip", "/b/x2.zip"], candidates);
        }

        [Fact]
        public void Should_Break_Ties_In_Modified_Time_By_Name()
        {
            var same = Now.AddDays(-3);
            RetentionFile[] files = [new("/r/b.zip", same), new("/r/c.zip", same), new("/r/a.zip", same)];

            // The newest by (modified, name) is c.zip
            Assert.Equal(["/r/b.zip", "/r/a.zip"], Candidates(new RetentionPolicy(keepLatest: 1), "/", files)); // in input order
        }

        [Fact]
        public void Should_Rank_Keep_Latest_Among_Selected_Files_Only()
        {
            // Given a folder whose newest file is a checksum that the include glob leaves out
            RetentionFile[] files = [File("/r/app-1.zip", 30), File("/r/app-2.zip", 20), File("/r/app-2.zip.sha256", 1)];

            // When keeping the newest zip
            var reasons = Reasons(new RetentionPolicy(include: ["**/*.zip"], keepLatest: 1), "/", files);

            // Then the newest zip is kept, not pushed out by the newer checksum file
            Assert.Null(reasons["/r/app-1.zip"]);
            Assert.Equal("keep-latest", reasons["/r/app-2.zip"]);
            Assert.Equal("not-included", reasons["/r/app-2.zip.sha256"]);
        }

        [Fact]
        public void Should_Keep_Files_Of_Unknown_Time_For_Keep_Latest_Without_Taking_A_Place()
        {
            // Given a folder where one file's time is unknown
            RetentionFile[] files = [new("/r/unknown.zip", null), File("/r/old.zip", 50), File("/r/new.zip", 5)];

            // When the newest is kept
            var reasons = Reasons(new RetentionPolicy(keepLatest: 1), "/", files);

            // Then the unknown one is kept for its unknown time, and the newest known one keeps its place
            Assert.Equal("time-unknown", reasons["/r/unknown.zip"]);
            Assert.Equal("keep-latest", reasons["/r/new.zip"]);
            Assert.Null(reasons["/r/old.zip"]);
        }

        [Theory]
        [InlineData(null, new[] { "/f/d0.zip", "/f/d10.zip", "/f/d30.zip", "/f/d31.zip" })]
        [InlineData(30.0, new[] { "/f/d31.zip" })] // exactly 30 days old is not older than 30 days
        [InlineData(9.5, new[] { "/f/d10.zip", "/f/d30.zip", "/f/d31.zip" })]
        [InlineData(0.0, new[] { "/f/d10.zip", "/f/d30.zip", "/f/d31.zip" })] // modified exactly now is not older than now
        [InlineData(365.0, new string[0])]
        public void Should_Select_Only_Files_Older_Than_Days(double? olderThanDays, string[] expected)
        {
            RetentionFile[] files = [File("/f/d0.zip", 0), File("/f/d10.zip", 10), File("/f/d30.zip", 30), File("/f/d31.zip", 31)];

            Assert.Equal(expected, Candidates(new RetentionPolicy(olderThanDays: olderThanDays), "/", files));
        }

        [Fact]
        public void Should_Keep_File_Of_Unknown_Age_If_Older_Than_Days_Is_Set()
        {
            var reasons = Reasons(new RetentionPolicy(olderThanDays: 1), "/", new RetentionFile("/f/x.zip", null));

            Assert.Equal("time-unknown", reasons["/f/x.zip"]);
        }

        [Fact]
        public void Should_Require_All_Conditions_And_Give_The_First_Failing_Reason()
        {
            // Given every rule at once
            var policy = new RetentionPolicy(include: ["**/*.zip"], exclude: ["keep/**"], protect: ["**/release-*"], keepLatest: 1, olderThanDays: 7);
            RetentionFile[] files =
            [
                File("/d/notes.txt", 90),
                File("/keep/a.zip", 90),
                File("/d/release-1.zip", 90),
                File("/d/middle.zip", 60),
                File("/d/fresh.zip", 3),
                File("/d/old.zip", 80),
            ];

            var reasons = Reasons(policy, "/", files);

            Assert.Equal("not-included", reasons["/d/notes.txt"]);
            Assert.Equal("excluded", reasons["/keep/a.zip"]);
            Assert.Equal("protected", reasons["/d/release-1.zip"]);
            Assert.Equal("keep-latest", reasons["/d/fresh.zip"]); // the newest selected file of /d
            Assert.Null(reasons["/d/old.zip"]);
            Assert.Null(reasons["/d/middle.zip"]);

            // And with the protected file being the newest of its folder, it still takes a keep-latest place
            var protectedNewest = Reasons(new RetentionPolicy(protect: ["**/release-*"], keepLatest: 1), "/", File("/p/release-9.zip", 1), File("/p/b.zip", 9));
            Assert.Equal("protected", protectedNewest["/p/release-9.zip"]);
            Assert.Null(protectedNewest["/p/b.zip"]);
        }

        [Theory]
        [InlineData("/app", "/other/x.zip")]
        [InlineData("/app", "/application/x.zip")] // a prefix of the name is not the folder
        [InlineData("/app", "/app")] // the root itself is not inside it
        [InlineData("/app", "/app/../etc/x")]
        [InlineData("/app", "/app//x.zip")]
        [InlineData("/", "relative/x.zip")]
        public void Should_Refuse_A_File_Outside_The_Root(string root, string path)
        {
            var error = Assert.Throws<CodeArtifactException>(() => new RetentionPolicy().Evaluate(root, [new RetentionFile(path, Now)], Now));

            Assert.Equal(ErrorCodes.OutsideRoot, error.Code);
        }
    }

    public sealed class TheConstructor
    {
        [Theory]
        [InlineData(-1, null, "KeepLatest")]
        [InlineData(0, -1.0, "OlderThanDays")]
        [InlineData(0, double.NaN, "OlderThanDays")]
        public void Should_Reject_Bad_Numbers_Naming_The_Parameter(int keepLatest, double? olderThanDays, string parameter)
        {
            var error = Assert.Throws<CodeArtifactException>(() => new RetentionPolicy(keepLatest: keepLatest, olderThanDays: olderThanDays));

            Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
            Assert.Equal(parameter, error.ParameterName);
        }

        [Theory]
        [InlineData("")]
        [InlineData("  ")]
        [InlineData("a\nb")]
        public void Should_Reject_Empty_Globs(string glob)
        {
            var error = Assert.Throws<CodeArtifactException>(() => new RetentionPolicy(protect: [glob]));

            Assert.Equal("Protect[0]", error.ParameterName);
        }
    }
}
