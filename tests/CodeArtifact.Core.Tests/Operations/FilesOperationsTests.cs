using CodeArtifact.Core.Tests.Operations.Fakes;

namespace CodeArtifact.Core.Tests.Operations;

public sealed class FilesOperationsTests
{
    private const string MavenRepo = "xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_maven_1_108";
    private const string GoRepo = "xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_go_19";

    // The example of file-tree.txt (DOC-EU 2025-12-05), quirks included: has_child "true",
    // uploadAccess false, total 1 (documented as strings) and an ISO created.
    private const string FileTreeExample = """
        {
          "status" : "success",
          "trace_id" : "143002-1701223028671-441",
          "result" : {
            "children" : [ {
              "name" : "1",
              "uri" : "https://cloudartifacts-backend.xx-xxxxx-x.myhuaweicloud.com/artgalaxy/api/storage/auto-trashcan/xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_maven_1_108/1",
              "path" : "xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_maven_1_108/1",
              "modified" : "2023-11-29 09:56:51",
              "folder" : true,
              "display_size" : null,
              "modified_by" : "devcloud_devcloud_y00226182_01",
              "has_child" : "true"
            } ],
            "uploadAccess" : false,
            "total" : 1,
            "uri" : "/xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_maven_1_108",
            "created" : "2023-11-29T09:56:51.349+08:00"
          }
        }
        """;

    private const string FileDetailExample = """
        {
          "status" : "success",
          "trace_id" : "143002-1701223197469-447",
          "result" : {
            "repo" : "xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_go_19",
            "path" : "/up/up/9Hn1036zgQqL4G805Ufb43H4s1t984",
            "name" : "9Hn1036zgQqL4G805Ufb43H4s1t984",
            "created" : "2023-11-14 19:29:46",
            "createdBy" : "devcloud_devcloud_y00226182_01",
            "lastModified" : "2023-11-14 19:29:46",
            "lastUpdated" : "2023-11-14 19:29:46",
            "modifiedBy" : "devcloud_devcloud_y00226182_01",
            "uri" : "https://cloudartifacts-backend.xx-xxxxx-x.myhuaweicloud.com/artgalaxy/api/storage/xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_go_19/up/up/9Hn1036zgQqL4G805Ufb43H4s1t984",
            "downloadUri" : "https://cloudartifacts-backend.xx-xxxxx-x.myhuaweicloud.com/artgalaxy/xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_go_19/up/up/9Hn1036zgQqL4G805Ufb43H4s1t984",
            "mimeType" : null,
            "size" : "1056",
            "attention" : "0",
            "checksums" : {
              "sha512" : "86b14ee38fbeee9b33184b018dd7740c75acb994292a2f71db7af9952ecb7676fe759cfc3207ab4d5b7f76252c0e3a6683c00e7c0af3cb73282ee05a5441e72c",
              "sha256" : "806f31bcccdf84d133de1b307834e7f4f07810b4f5204bd449ce088c051513a4",
              "sha1" : "20691eee689efdf42e926b52b6f84c51439ab054",
              "md5" : "af5b0888060bcdabc8a5440251556461"
            },
            "packageName" : null,
            "version" : null,
            "groupId" : null,
            "artifactId" : null,
            "properties" : null,
            "downloadInfo" : {
              "uri" : "https://cloudartifacts-backend.xx-xxxxx-x.myhuaweicloud.com/artgalaxy/api/storage/xx-xxxxx-x_5a775fdcb14f4431b6c0015618140bc3_go_19/up/up/9Hn1036zgQqL4G805Ufb43H4s1t984",
              "downloadCount" : 0,
              "lastDownloaded" : 0,
              "remoteDownloadCount" : 0,
              "remoteLastDownloaded" : 0,
              "lastDownloadedBy" : ""
            },
            "gavDisplay" : {
              "gavInfo" : null,
              "configInfo" : ""
            },
            "originalChecksums" : { },
            "displayName" : "go3",
            "display_size" : "1.03 KB"
          }
        }
        """;

    public sealed class TheGetFileTreeAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Request_If_Listing_The_Recycle_Bin_Root()
        {
            // Given
            var handler = new RecordingHandler().Respond(FileTreeExample);
            using var client = TestClients.Create(handler);

            // When
            await client.GetFileTreeAsync(MavenRepo, "/", recycleBin: true);

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal($"/cloudartifact/v5/{TestClients.TenantId}/{TestClients.ProjectId}/{MavenRepo}/file-tree", request.Path);
            Assert.Equal(TestClients.Pairs(("path", "/"), ("is_recycle_bin", "true")), request.Query);
            Assert.Null(request.Body);
        }

        [Fact]
        public async Task Should_Map_Documented_Example_If_The_Answer_Mixes_Types()
        {
            // Given
            var handler = new RecordingHandler().Respond(FileTreeExample);
            using var client = TestClients.Create(handler);

            // When
            var tree = await client.GetFileTreeAsync(MavenRepo, "/", recycleBin: true);

            // Then
            Assert.Equal("/" + MavenRepo, tree.Uri);
            Assert.Equal(1, tree.Total);
            Assert.False(tree.UploadAccess);
            Assert.Equal(new DateTimeOffset(2023, 11, 29, 9, 56, 51, 349, TimeSpan.FromHours(8)), tree.Created);
            var child = Assert.Single(tree.Children);
            Assert.Equal("1", child.Name);
            Assert.Equal(MavenRepo + "/1", child.Path);
            Assert.Equal("/1", child.RelativePath);
            Assert.True(child.IsFolder);
            Assert.True(child.HasChild);
            Assert.Equal("devcloud_devcloud_y00226182_01", child.ModifiedBy);
            Assert.Equal(new DateTimeOffset(2023, 11, 29, 9, 56, 51, TimeSpan.FromHours(8)), child.Modified);
            Assert.StartsWith("https://cloudartifacts-backend.", child.Uri, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Use_Configured_Offset_If_Times_Have_None()
        {
            // Given
            var handler = new RecordingHandler().Respond(FileTreeExample);
            using var client = TestClients.Create(handler, o => o.ServiceTimeOffset = TimeSpan.FromHours(1));

            // When
            var tree = await client.GetFileTreeAsync(MavenRepo, "/");

            // Then
            Assert.Equal(new DateTimeOffset(2023, 11, 29, 9, 56, 51, TimeSpan.FromHours(1)), tree.Children[0].Modified);
            Assert.Equal(TimeSpan.FromHours(8), tree.Created!.Value.Offset);
        }

        [Fact]
        public async Task Should_Not_Send_Recycle_Bin_Flag_And_Should_Add_Leading_Slash_If_Listing_A_Folder()
        {
            // Given
            var answer = TestClients.Envelope($$"""{"children":[{"name":"app.zip","uri":"u","path":"{{MavenRepo}}/app/1.0/app.zip","modified":"2024-01-02 03:04:05","folder":false,"modified_by":"me","has_child":false}],"uploadAccess":"true","total":"1","uri":"/{{MavenRepo}}/app/1.0","created":"1701220753711"}""");
            var handler = new RecordingHandler().Respond(answer);
            using var client = TestClients.Create(handler);

            // When
            var tree = await client.GetFileTreeAsync(MavenRepo, "app/1.0");

            // Then
            Assert.Equal(TestClients.Pairs(("path", "/app/1.0")), handler.Single.Query);
            Assert.True(tree.UploadAccess);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1701220753711), tree.Created);
            var file = Assert.Single(tree.Children);
            Assert.Equal("/app/1.0/app.zip", file.RelativePath);
            Assert.False(file.IsFolder);
        }

        [Theory]
        [InlineData("/a/../b")]
        [InlineData("/a/\u0001b")]
        public async Task Should_Reject_Path_Before_Any_Request_If_It_Escapes_Or_Has_Control_Characters(string path)
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "path", () => client.GetFileTreeAsync(MavenRepo, path));
        }

        [Fact]
        public async Task Should_Reject_Repository_Before_Any_Request_If_It_Holds_A_Slash()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "repository", () => client.GetFileTreeAsync("repo/other", "/"));
        }

        [Fact]
        public async Task Should_Require_Tenant_Id_Before_Any_Request_If_Options_Have_None()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler, o => o.TenantId = null);
            await TestClients.AssertRejectedAsync(handler, "TenantId", () => client.GetFileTreeAsync(MavenRepo, "/"));
        }
    }

    public sealed class TheGetFileDetailAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Documented_Request()
        {
            // Given
            var handler = new RecordingHandler().Respond(FileDetailExample);
            using var client = TestClients.Create(handler);

            // When
            await client.GetFileDetailAsync(GoRepo, "/up/up/9Hn1036zgQqL4G805Ufb43H4s1t984", "go");

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Get, request.Method);
            Assert.Equal($"/cloudartifact/v5/{TestClients.TenantId}/{TestClients.ProjectId}/{GoRepo}/file-detail", request.Path);
            Assert.Equal(TestClients.Pairs(("path", "/up/up/9Hn1036zgQqL4G805Ufb43H4s1t984"), ("format", "go")), request.Query);
        }

        [Fact]
        public async Task Should_Map_Documented_Example()
        {
            // Given
            var handler = new RecordingHandler().Respond(FileDetailExample);
            using var client = TestClients.Create(handler);

            // When
            var detail = await client.GetFileDetailAsync(GoRepo, "/up/up/9Hn1036zgQqL4G805Ufb43H4s1t984", "go");

            // Then
            Assert.Equal(GoRepo, detail.Repository);
            Assert.Equal("/up/up/9Hn1036zgQqL4G805Ufb43H4s1t984", detail.Path);
            Assert.Equal("9Hn1036zgQqL4G805Ufb43H4s1t984", detail.Name);
            Assert.Equal(1056, detail.Size);
            Assert.Equal("1.03 KB", detail.DisplaySize);
            Assert.Equal(new DateTimeOffset(2023, 11, 14, 19, 29, 46, TimeSpan.FromHours(8)), detail.Created);
            Assert.Equal(detail.Created, detail.LastModified);
            Assert.Equal("af5b0888060bcdabc8a5440251556461", detail.Checksums.Md5);
            Assert.Equal("20691eee689efdf42e926b52b6f84c51439ab054", detail.Checksums.Sha1);
            Assert.Equal("806f31bcccdf84d133de1b307834e7f4f07810b4f5204bd449ce088c051513a4", detail.Checksums.Sha256);
            Assert.StartsWith("86b14ee38fbeee9b", detail.Checksums.Sha512, StringComparison.Ordinal);
            Assert.EndsWith("/artgalaxy/" + GoRepo + "/up/up/9Hn1036zgQqL4G805Ufb43H4s1t984", detail.DownloadUri, StringComparison.Ordinal);
            Assert.Equal(0, detail.DownloadCount);
            Assert.Null(detail.LastDownloaded);
            Assert.False(detail.IsFollowed);
            Assert.Equal("go3", detail.DisplayName);
        }

        [Fact]
        public async Task Should_Lower_Case_Checksums_And_Null_Empty_Ones()
        {
            var answer = TestClients.Envelope("""{"path":"/a.bin","size":12,"checksums":{"sha256":"ABCDEF","md5":""}}""");
            var handler = new RecordingHandler().Respond(answer);
            using var client = TestClients.Create(handler);

            var detail = await client.GetFileDetailAsync(GoRepo, "/a.bin", "generic");

            Assert.Equal("abcdef", detail.Checksums.Sha256);
            Assert.Null(detail.Checksums.Md5);
            Assert.Equal(12, detail.Size);
            Assert.Equal(GoRepo, detail.Repository);
        }

        [Fact]
        public async Task Should_Reject_Format_Before_Any_Request_If_Not_Documented()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            var exception = await TestClients.AssertRejectedAsync(handler, "format", () => client.GetFileDetailAsync(GoRepo, "/a", "zip"));
            Assert.Contains("\"zip\"", exception.Message, StringComparison.Ordinal);
            Assert.Contains("maven2", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Reject_Path_Before_Any_Request_If_Longer_Than_1280()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "path", () => client.GetFileDetailAsync(GoRepo, "/" + new string('a', 1280), "go"));
        }
    }

    public sealed class TheDeleteFileAsyncMethod
    {
        [Fact]
        public async Task Should_Send_Repository_And_Path_Without_Leading_Slash()
        {
            // Given
            var handler = new RecordingHandler().Respond("""{"status":"success","trace_id":"143002-1701223356546-449","result":"delete file success!"}""");
            using var client = TestClients.Create(handler);

            // When
            await client.DeleteFileAsync(GoRepo, "/down/down/GOR7zo553IL44I063cdVKui7n58078");

            // Then
            var request = handler.Single;
            Assert.Equal(HttpMethod.Delete, request.Method);
            Assert.Equal("/cloudartifact/v5/file", request.Path);
            Assert.Empty(request.Query);
            Assert.Equal("application/json", request.ContentType);
            Assert.Equal($$"""{"path":"{{GoRepo}}/down/down/GOR7zo553IL44I063cdVKui7n58078"}""", request.Body);
        }

        [Fact]
        public async Task Should_Return_Faulted_Task_Instead_Of_Throwing_At_The_Call_If_Invalid()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);

            var task = client.DeleteFileAsync(GoRepo, "/a/../b");

            await Assert.ThrowsAsync<CodeArtifactException>(() => task);
            Assert.Empty(handler.Requests);
        }

        [Fact]
        public async Task Should_Refuse_Repository_Root_Before_Any_Request()
        {
            var handler = new RecordingHandler();
            using var client = TestClients.Create(handler);
            await TestClients.AssertRejectedAsync(handler, "path", () => client.DeleteFileAsync(GoRepo, "/"));
        }
    }
}
