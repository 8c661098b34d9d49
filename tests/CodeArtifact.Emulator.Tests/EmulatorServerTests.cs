using System.Net;
using CodeArtifact.Emulator.Identity;
using CodeArtifact.Emulator.Logging;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

public sealed class EmulatorServerTests
{
    public sealed class TheStartAsyncMethod
    {
        [Fact]
        public async Task Should_Listen_On_A_Free_Loopback_Port_If_Port_Is_0()
        {
            await using var first = await EmulatorServer.StartAsync();
            await using var second = await EmulatorServer.StartAsync();

            Assert.Equal("127.0.0.1", first.Endpoint.Host);
            Assert.NotEqual(0, first.Endpoint.Port);
            Assert.NotEqual(first.Endpoint.Port, second.Endpoint.Port);
        }

        [Fact]
        public async Task Should_Expose_The_Well_Known_Identities()
        {
            await using var server = await EmulatorServer.StartAsync();

            Assert.Equal(WellKnownIdentities.Dev.AccessKey, server.Identity.AccessKey);
            Assert.NotEqual(server.Identity.TenantId, server.OtherIdentity.TenantId);
            Assert.Matches("^[A-Za-z0-9]{32}$", server.Identity.ProjectId);
            Assert.Matches("^[A-Za-z0-9]{8,32}$", server.Identity.TenantId);
            Assert.DoesNotContain(server.Identity.SecretKey, server.Identity.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(server.Identity.Password, server.Identity.ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Refuse_A_Port_Out_Of_Range()
        {
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EmulatorServer.StartAsync(new EmulatorOptions { Port = 70000 }));
        }
    }

    public sealed class TheStopAsyncMethod
    {
        [Fact]
        public async Task Should_Stop_Listening_And_Be_Safe_To_Call_Twice()
        {
            var server = await EmulatorServer.StartAsync();
            using var http = new HttpClient { BaseAddress = server.Endpoint };

            await server.StopAsync();
            await server.DisposeAsync();

            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/cloudartifact/v5/maven/info"));
        }
    }

    public sealed class TheSeedProperty
    {
        [Fact]
        public async Task Should_Bulk_Seed_10000_Files_That_A_Recursive_Tree_Walk_Finds()
        {
            await using var server = await EmulatorServer.StartAsync();
            var client = SignedClient.For(server);
            var repo = server.Seed.CreateRepository("generic");
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

            server.Seed.PutFiles(repo.Id, Enumerable.Range(0, 10_000).Select(i => ($"/app/{i % 100}/{i % 7}/f{i}.bin", new[] { (byte)i }, start.AddMinutes(i))));

            var files = 0;
            var folders = new Queue<string>(["/"]);
            while (folders.TryDequeue(out var folder))
            {
                var (status, body) = await client.JsonAsync(HttpMethod.Get, $"{client.V5Prefix()}/{repo.Id}/file-tree?path={Uri.EscapeDataString(folder)}");
                Assert.Equal(200, status);
                foreach (var child in body!["result"]!["children"]!.AsArray())
                {
                    if ((bool)child!["folder"]!)
                    {
                        folders.Enqueue("/" + ((string)child["path"]!)[(repo.Id.Length + 1)..]);
                    }
                    else
                    {
                        files++;
                    }
                }
            }

            Assert.Equal(10_000, files);
            var (_, detail) = await client.JsonAsync(HttpMethod.Get, $"{client.V5Prefix()}/{repo.Id}/file-detail?path=/app/42/0/f742.bin&format=generic");
            Assert.Equal("2024-01-01 20:22:00", (string?)detail!["result"]!["lastModified"]);
        }

        [Fact]
        public async Task Should_Load_The_Demo_Seed_File()
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { SeedFile = Path.Combine(AppContext.BaseDirectory, "seed.demo.json") });
            var client = SignedClient.For(server);

            var (_, maven) = await client.JsonAsync(HttpMethod.Get, $"/cloudartifact/v5/maven/info?project_id={server.Identity.ProjectId}&default=true");
            var policies = maven!["result"]!.AsArray().Select(r => (string?)r!["policy"]).Order().ToList();
            Assert.Equal(["release", "snapshot"], policies);

            var (_, releases) = await client.JsonAsync(HttpMethod.Get, $"/v2/{server.Identity.ProjectId}/release/files?file_name=demo-app&limit=100");
            var versions = releases!["result"]!["data"]!.AsArray().Select(d => (string?)d!["version"]).ToList();
            Assert.Contains("2.0.0-rc.1", versions);
            Assert.Equal(5, versions.Count);

            using var ciBot = new HttpClient { BaseAddress = server.Endpoint };
            var bot = new SignedClient(server, ciBot);
            using var response = await ciBot.SendAsync(bot.Signed(
                HttpMethod.Get, "/cloudartifact/v5/maven/info", accessKey: "CAEMUCIBOTACCESSKEY4", secretKey: "CAEmuCiBotSecretKey00000000000000000004"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    public sealed class TheRequestLogProperty
    {
        [Fact]
        public void Should_Keep_Only_The_Newest_Entries_Up_To_Its_Capacity()
        {
            var log = new RequestLog(2);
            foreach (var i in new[] { 1, 2, 3 })
            {
                log.Add(new RequestLogEntry(DateTimeOffset.UnixEpoch, "GET", "/" + i, string.Empty, 200, "none", null, "t" + i, null));
            }

            Assert.Equal(["/2", "/3"], log.Snapshot().Select(e => e.Path).ToList());
            log.Clear();
            Assert.Equal(0, log.Count);
        }
    }
}
