using CodeArtifact.Core.Jobs;

namespace CodeArtifact.Core.Tests.Jobs.Publish;

/// <summary>The small parts of the publish job: upload addresses, progress, the result's summary and problems.</summary>
public sealed class PublishPartsTests
{
    public sealed class TheUploadUriMethod
    {
        [Theory]
        [InlineData("https://repo.example.test/artgalaxy/r1/", "/app/1.0/app.zip", "https://repo.example.test/artgalaxy/r1/app/1.0/app.zip")]
        [InlineData("https://repo.example.test/artgalaxy/r1", "app/1.0/app.zip", "https://repo.example.test/artgalaxy/r1/app/1.0/app.zip")]
        [InlineData("https://repo.example.test/artgalaxy/r1/", "/a b/#1?.txt", "https://repo.example.test/artgalaxy/r1/a%20b/%231%3F.txt")]
        [InlineData("https://repo.example.test/artgalaxy/r1/", "/100%.txt", "https://repo.example.test/artgalaxy/r1/100%25.txt")]
        [InlineData("http://127.0.0.1:8080/artgalaxy/r1/", "/x.bin", "http://127.0.0.1:8080/artgalaxy/r1/x.bin")]
        public void Should_Escape_Each_Segment_Under_The_Repository_Url(string repositoryUrl, string path, string expected)
        {
            var uri = CodeArtifactClient.UploadUri(new Uri(repositoryUrl), path);

            Assert.Equal(expected, uri.AbsoluteUri);
        }

        [Theory]
        [InlineData("/")]
        [InlineData("/app/")]
        [InlineData("/app//x.zip")]
        [InlineData("/app/./x.zip")]
        [InlineData("/app/../x.zip")]
        public void Should_Refuse_A_Path_That_Names_No_File(string path)
        {
            var error = Assert.Throws<CodeArtifactException>(() => CodeArtifactClient.UploadUri(new Uri("https://repo.example.test/r/"), path));

            Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
            Assert.Equal("path", error.ParameterName);
        }

        [Fact]
        public void Should_Refuse_Plain_Http_To_Another_Host_Unless_Allowed()
        {
            var url = new Uri("http://repo.example.test/r/");

            var error = Assert.Throws<CodeArtifactException>(() => CodeArtifactClient.UploadUri(url, "/x.zip"));

            Assert.Equal(ErrorCodes.InsecureEndpoint, error.Code);
            Assert.Equal("http://repo.example.test/r/x.zip", CodeArtifactClient.UploadUri(url, "/x.zip", allowInsecureHttp: true).AbsoluteUri);
        }
    }

    public sealed class TheUploadProgressClass
    {
        [Fact]
        public void Should_Report_Each_Tenth_Of_The_Bytes_Once_For_One_Large_File()
        {
            var lines = new List<string>();
            var progress = new UploadProgress(1, 100L << 20, e => lines.Add(e.Message));

            for (var i = 0; i < 100; i++)
            {
                progress.BytesSent(1 << 20);
            }

            progress.FileDone();

            Assert.Equal(9, lines.Count);
            Assert.Equal("Uploaded 0/1 files, 10 MiB of 100 MiB…", lines[0]);
            Assert.Equal("Uploaded 0/1 files, 90 MiB of 100 MiB…", lines[^1]);
        }

        [Fact]
        public void Should_Report_Each_Tenth_Of_Many_Small_Files()
        {
            var lines = new List<string>();
            var progress = new UploadProgress(40, 40_000, e => lines.Add(e.Message));

            for (var i = 0; i < 40; i++)
            {
                progress.BytesSent(1000);
                progress.FileDone();
            }

            Assert.Equal(9, lines.Count);
            Assert.Contains("Uploaded 3/40 files, 3.9 KiB of 39 KiB…", lines);
        }

        [Fact]
        public void Should_Stay_Quiet_For_Little_Work()
        {
            var lines = new List<string>();
            var progress = new UploadProgress(3, 3000, e => lines.Add(e.Message));

            progress.BytesSent(3000);
            progress.FileDone();

            Assert.Empty(lines);
        }
    }

    public sealed class TheProgressStreamClass
    {
        [Fact]
        public async Task Should_Count_Bytes_Read_Again_After_A_Rewind_Once()
        {
            long counted = 0;
            var stream = new ProgressStream(new MemoryStream(new byte[10_000]), n => counted += n);
            var buffer = new byte[4096];

            while (await stream.ReadAsync(buffer) > 0)
            {
            }

            stream.Position = 0;
            await stream.ReadExactlyAsync(buffer.AsMemory(0, 4000));
            stream.Seek(0, SeekOrigin.Begin);
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            Assert.Equal(10_000, counted);
            Assert.Equal(10_000, stream.Length);
            Assert.Throws<NotSupportedException>(() => stream.Write(buffer, 0, 1));
        }

        [Fact]
        public async Task Should_Hash_What_The_Last_Attempt_Read_From_Start_To_End()
        {
            // Given a body read half-way, then rewound and read whole (a retried upload)
            var bytes = new byte[300_000];
            new Random(7).NextBytes(bytes);
            var stream = new ProgressStream(new MemoryStream(bytes), _ => { }, hash: true);
            var buffer = new byte[65536];
            await stream.ReadExactlyAsync(buffer.AsMemory(0, 50_000));
            Assert.Null(stream.Digest);
            stream.Position = 0;
            while (await stream.ReadAsync(buffer) > 0)
            {
            }

            // Then the digest is the whole body's
            Assert.Equal((Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant(), 300_000L), stream.Digest);
        }

        [Fact]
        public void Should_Give_No_Digest_If_The_Body_Was_Read_Out_Of_Order()
        {
            var stream = new ProgressStream(new MemoryStream(new byte[1000]), _ => { }, hash: true);
            var buffer = new byte[1000];

            stream.Seek(500, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, 500);

            Assert.Null(stream.Digest);
            Assert.Null(new ProgressStream(new MemoryStream(), _ => { }).Digest);
        }
    }

    public sealed class ThePublishResultClass
    {
        private static PublishedFile File(string name, PublishFileStatus status, string? code = null) => new()
        {
            LocalPath = name,
            RemotePath = "/app/" + name,
            Repository = "repo_generic_1",
            Status = status,
            Size = 1024,
            Code = code,
            Error = code is null ? null : "it went wrong",
        };

        private static PublishResult Result(bool dryRun = false, bool cancelled = false, params PublishedFile[] files) => new()
        {
            Options = new PublishOptions { Repository = "repo_generic_1", DryRun = dryRun },
            DryRun = dryRun,
            Cancelled = cancelled,
            Files = files,
            BytesUploaded = files.Count(f => f.Status == PublishFileStatus.Uploaded) * 1024L,
            StartedAt = DateTimeOffset.UnixEpoch,
            FinishedAt = DateTimeOffset.UnixEpoch.AddSeconds(2.5),
        };

        [Fact]
        public void Should_Sum_Up_A_Run_And_Make_Each_Failure_An_Error()
        {
            var result = Result(false, false, File("a", PublishFileStatus.Uploaded), File("b", PublishFileStatus.Unchanged), File("c", PublishFileStatus.Failed, ErrorCodes.RemoteFileDiffers));

            Assert.Equal("Published 3 files in 2.5 s: 1 uploaded (1.0 KiB) and verified, 1 unchanged, 1 failed.", result.Summary);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(new JobProblem(ProblemSeverity.Error, ErrorCodes.RemoteFileDiffers, "c → repo_generic_1/app/c: it went wrong", "c"), problem);
        }

        [Fact]
        public void Should_Only_Warn_In_A_Dry_Run()
        {
            var result = Result(true, false, File("a", PublishFileStatus.WouldUpload), File("c", PublishFileStatus.Failed, ErrorCodes.RemoteFileDiffers));

            Assert.Equal("Publish dry run: 1 file would be uploaded (1.0 KiB), 0 unchanged, 1 refused or unreadable; nothing was uploaded.", result.Summary);
            Assert.Equal(ProblemSeverity.Warning, Assert.Single(result.Problems).Severity);
        }

        [Fact]
        public void Should_Say_What_Was_Done_When_Cancelled()
        {
            var result = Result(false, true, File("a", PublishFileStatus.Uploaded), File("b", PublishFileStatus.Interrupted), File("c", PublishFileStatus.NotStarted), File("d", PublishFileStatus.NotStarted));

            Assert.StartsWith("Publish cancelled part way: 1 uploaded (1.0 KiB), 1 interrupted", result.Summary, StringComparison.Ordinal);
            Assert.Contains("2 not started", result.Summary, StringComparison.Ordinal);
            Assert.Empty(result.Problems);
            Assert.Equal(["c", "d"], result.NotStarted.Select(f => f.LocalPath));
        }
    }
}
