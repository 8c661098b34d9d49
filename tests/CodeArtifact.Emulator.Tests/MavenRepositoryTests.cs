using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CodeArtifact.Emulator.Seeding;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>The emulator as a Maven client sees it: checksum files for every file, generated and merged <c>maven-metadata.xml</c>.</summary>
public sealed class MavenRepositoryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly DateTimeOffset Seeded = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private readonly SignedClient _client = SignedClient.For(fixture.Server);

    private EmulatorSeeder Seed => _client.Server.Seed;

    private SeededRepository Maven() => Seed.CreateRepository("maven2", policy: "release");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, byte[]? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : new ByteArrayContent(body) };
        request.Headers.Authorization = _client.RepositoryBasic();
        return await _client.Http.SendAsync(request);
    }

    private async Task<string> GetTextAsync(string url)
    {
        using var response = await SendAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<XElement> MetadataAsync(string url) => XElement.Parse(await GetTextAsync(url));

    private static string[] Versions(XElement metadata) => metadata.Element("versioning")!.Element("versions")!.Elements("version").Select(v => v.Value).ToArray();

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData("maven2", "com/example/app/1.0/app-1.0.jar")]
    [InlineData("generic", "drops/tool.zip")]
    public async Task Should_Answer_Each_Checksum_File_Of_A_Seeded_File_From_The_Stored_Digests(string format, string path)
    {
        // Given a seeded file, with no checksum file beside it
        var repository = Seed.CreateRepository(format);
        var stored = Seed.PutFile(repository.Id, path, Bytes("seeded " + Guid.NewGuid()));

        // When / Then each checksum file holds exactly the stored digest
        Assert.Equal(stored.Md5, await GetTextAsync(repository.Url + path + ".md5"));
        Assert.Equal(stored.Sha1, await GetTextAsync(repository.Url + path + ".sha1"));
        Assert.Equal(stored.Sha256, await GetTextAsync(repository.Url + path + ".sha256"));
        Assert.Equal(stored.Sha512, await GetTextAsync(repository.Url + path + ".sha512"));
        using var head = await SendAsync(HttpMethod.Head, repository.Url + path + ".sha1");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(40, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Should_Answer_The_Checksums_Of_An_Uploaded_File_And_Not_A_Contradicting_Uploaded_One()
    {
        // Given a file uploaded with a wrong .sha1 beside it
        var repository = Maven();
        var bytes = Bytes("uploaded " + Guid.NewGuid());
        using (var put = await SendAsync(HttpMethod.Put, repository.Url + "org/demo/lib/2.0/lib-2.0.jar", bytes))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using (var wrong = await SendAsync(HttpMethod.Put, repository.Url + "org/demo/lib/2.0/lib-2.0.jar.sha1", Bytes(new string('0', 40))))
        {
            Assert.Equal(HttpStatusCode.Created, wrong.StatusCode);
        }

        // Then every checksum file matches the body
        Assert.Equal(Hex(MD5.HashData(bytes)), await GetTextAsync(repository.Url + "org/demo/lib/2.0/lib-2.0.jar.md5"));
        Assert.Equal(Hex(SHA1.HashData(bytes)), await GetTextAsync(repository.Url + "org/demo/lib/2.0/lib-2.0.jar.sha1"));
        Assert.Equal(Hex(SHA256.HashData(bytes)), await GetTextAsync(repository.Url + "org/demo/lib/2.0/lib-2.0.jar.sha256"));
        Assert.Equal(Hex(SHA512.HashData(bytes)), await GetTextAsync(repository.Url + "org/demo/lib/2.0/lib-2.0.jar.sha512"));
    }

    [Fact]
    public async Task Should_Answer_404_For_The_Checksum_Of_Nothing()
    {
        var repository = Maven();

        using var response = await SendAsync(HttpMethod.Get, repository.Url + "org/none/1.0/none-1.0.jar.sha1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_Generate_Artifact_Metadata_From_Seeded_Versions_And_Update_It_After_An_Upload()
    {
        // Given seeded versions, out of order and with a pre-release and a snapshot
        var repository = Maven();
        foreach (var version in new[] { "1.10.0", "1.9.2", "2.0.0-SNAPSHOT", "1.0", "2.0.0-beta-1" })
        {
            var name = version.EndsWith("-SNAPSHOT", StringComparison.Ordinal) ? "app-2.0.0-20240506.070809-1.jar" : $"app-{version}.jar";
            Seed.PutFile(repository.Id, $"com/example/app/{version}/{name}", Bytes(version), Seeded.AddDays(version.Length));
        }

        Seed.PutFile(repository.Id, "com/example/app/notes/readme.txt", Bytes("not a version"), Seeded);
        var url = repository.Url + "com/example/app/maven-metadata.xml";

        // When
        var metadata = await MetadataAsync(url);

        // Then it lists them in Maven's order, with latest, release and the newest time
        Assert.Equal("com.example", metadata.Element("groupId")!.Value);
        Assert.Equal("app", metadata.Element("artifactId")!.Value);
        Assert.Equal(["1.0", "1.9.2", "1.10.0", "2.0.0-beta-1", "2.0.0-SNAPSHOT"], Versions(metadata));
        Assert.Equal("2.0.0-SNAPSHOT", metadata.Element("versioning")!.Element("latest")!.Value);
        Assert.Equal("2.0.0-beta-1", metadata.Element("versioning")!.Element("release")!.Value);
        Assert.Equal("20240520070809", metadata.Element("versioning")!.Element("lastUpdated")!.Value);

        // And its checksum files match the body served
        using (var body = await SendAsync(HttpMethod.Get, url))
        {
            var bytes = await body.Content.ReadAsByteArrayAsync();
            Assert.Equal(Hex(SHA1.HashData(bytes)), await GetTextAsync(url + ".sha1"));
            Assert.Equal(Hex(MD5.HashData(bytes)), await GetTextAsync(url + ".md5"));
        }

        // When a new release is uploaded without any metadata
        using (var put = await SendAsync(HttpMethod.Put, repository.Url + "com/example/app/2.0.0/app-2.0.0.jar", Bytes("2.0.0")))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        // Then the metadata says so at once
        var updated = await MetadataAsync(url);
        Assert.Equal(["1.0", "1.9.2", "1.10.0", "2.0.0-beta-1", "2.0.0-SNAPSHOT", "2.0.0"], Versions(updated));
        Assert.Equal("2.0.0", updated.Element("versioning")!.Element("release")!.Value);
        Assert.Equal("2.0.0", updated.Element("versioning")!.Element("latest")!.Value);
    }

    [Fact]
    public async Task Should_Keep_The_Union_Of_A_Client_Metadata_Upload_And_The_Stored_Versions()
    {
        // Given seeded versions 1.0 and 1.1
        var repository = Maven();
        Seed.PutFile(repository.Id, "org/acme/tool/1.0/tool-1.0.pom", Bytes("<project/>"), Seeded);
        Seed.PutFile(repository.Id, "org/acme/tool/1.1/tool-1.1.pom", Bytes("<project/>"), Seeded);
        var url = repository.Url + "org/acme/tool/maven-metadata.xml";

        // When a client deploys 1.2 and uploads metadata that knows only what it saw (0.9 from elsewhere, and 1.2)
        using (var put = await SendAsync(HttpMethod.Put, repository.Url + "org/acme/tool/1.2/tool-1.2.pom", Bytes("<project/>")))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        const string clientMetadata = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metadata>
              <groupId>org.acme</groupId>
              <artifactId>tool</artifactId>
              <versioning>
                <latest>1.2</latest>
                <release>1.2</release>
                <versions>
                  <version>0.9</version>
                  <version>1.2</version>
                </versions>
                <lastUpdated>20991231235959</lastUpdated>
              </versioning>
            </metadata>
            """;
        using (var put = await SendAsync(HttpMethod.Put, url, Bytes(clientMetadata)))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        // Then neither writer loses the other's versions
        var merged = await MetadataAsync(url);
        Assert.Equal(["0.9", "1.0", "1.1", "1.2"], Versions(merged));
        Assert.Equal("1.2", merged.Element("versioning")!.Element("latest")!.Value);
        Assert.Equal("20991231235959", merged.Element("versioning")!.Element("lastUpdated")!.Value);

        // And a version stored after the client's upload is added to what the client wrote
        Seed.PutFile(repository.Id, "org/acme/tool/1.3/tool-1.3.pom", Bytes("<project/>"), Seeded);
        var later = await MetadataAsync(url);
        Assert.Equal(["0.9", "1.0", "1.1", "1.2", "1.3"], Versions(later));
        Assert.Equal("1.3", later.Element("versioning")!.Element("release")!.Value);
    }

    [Fact]
    public async Task Should_Generate_Snapshot_Metadata_And_Follow_What_Maven_Uploads()
    {
        // Given two seeded builds of a snapshot: jar, pom and sources
        var repository = Seed.CreateRepository("maven2", policy: "snapshot");
        var folder = "com/example/app/1.1-SNAPSHOT/";
        foreach (var (build, stamp) in new[] { (1, "20240506.070809"), (2, "20240507.080910") })
        {
            foreach (var suffix in new[] { ".jar", ".pom", "-sources.jar" })
            {
                Seed.PutFile(repository.Id, $"{folder}app-1.1-{stamp}-{build}{suffix}", Bytes($"{build}{suffix}"), Seeded.AddDays(build));
            }
        }

        Seed.PutFile(repository.Id, $"{folder}app-1.1-20240507.080910-2.jar.sha1", Bytes(new string('1', 40)), Seeded);
        var url = repository.Url + folder + "maven-metadata.xml";

        // When
        var metadata = await MetadataAsync(url);

        // Then the newest build is the snapshot, one entry per classifier and extension (no checksum files)
        var versioning = metadata.Element("versioning")!;
        Assert.Equal("1.1-SNAPSHOT", metadata.Element("version")!.Value);
        Assert.Equal(("20240507.080910", "2"), (versioning.Element("snapshot")!.Element("timestamp")!.Value, versioning.Element("snapshot")!.Element("buildNumber")!.Value));
        var entries = versioning.Element("snapshotVersions")!.Elements("snapshotVersion")
            .Select(s => $"{s.Element("classifier")?.Value}|{s.Element("extension")!.Value}|{s.Element("value")!.Value}")
            .ToArray();
        Assert.Equal(["|jar|1.1-20240507.080910-2", "sources|jar|1.1-20240507.080910-2", "|pom|1.1-20240507.080910-2"], entries);

        // When Maven deploys build 3 and uploads its metadata for it
        foreach (var suffix in new[] { ".jar", ".pom" })
        {
            using var put = await SendAsync(HttpMethod.Put, $"{repository.Url}{folder}app-1.1-20240508.091011-3{suffix}", Bytes("3" + suffix));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        const string uploaded = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metadata modelVersion="1.1.0">
              <groupId>com.example</groupId>
              <artifactId>app</artifactId>
              <version>1.1-SNAPSHOT</version>
              <versioning>
                <snapshot><timestamp>20240508.091011</timestamp><buildNumber>3</buildNumber></snapshot>
                <lastUpdated>20240508091011</lastUpdated>
                <snapshotVersions>
                  <snapshotVersion><extension>jar</extension><value>1.1-20240508.091011-3</value><updated>20240508091011</updated></snapshotVersion>
                  <snapshotVersion><extension>pom</extension><value>1.1-20240508.091011-3</value><updated>20240508091011</updated></snapshotVersion>
                </snapshotVersions>
              </versioning>
            </metadata>
            """;
        using (var put = await SendAsync(HttpMethod.Put, url, Bytes(uploaded)))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        // Then what Maven uploaded is served, and the sources of build 2 stay listed
        var followed = (await MetadataAsync(url)).Element("versioning")!;
        Assert.Equal(("20240508.091011", "3"), (followed.Element("snapshot")!.Element("timestamp")!.Value, followed.Element("snapshot")!.Element("buildNumber")!.Value));
        Assert.Equal(
            ["|jar|1.1-20240508.091011-3", "sources|jar|1.1-20240507.080910-2", "|pom|1.1-20240508.091011-3"],
            followed.Element("snapshotVersions")!.Elements("snapshotVersion").Select(s => $"{s.Element("classifier")?.Value}|{s.Element("extension")!.Value}|{s.Element("value")!.Value}"));

        // And the artifact level lists the snapshot version
        Assert.Equal(["1.1-SNAPSHOT"], Versions(await MetadataAsync(repository.Url + "com/example/app/maven-metadata.xml")));
    }

    [Fact]
    public async Task Should_Serve_Uploaded_Metadata_Byte_For_Byte_Where_No_Version_Is_Stored()
    {
        // Given group-level plugin metadata, which names no version folder
        var repository = Maven();
        var groupMetadata = Bytes("<metadata><plugins><plugin><name>Demo</name><prefix>demo</prefix><artifactId>demo-maven-plugin</artifactId></plugin></plugins></metadata>");
        using (var put = await SendAsync(HttpMethod.Put, repository.Url + "org/demo/maven-metadata.xml", groupMetadata))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using var get = await SendAsync(HttpMethod.Get, repository.Url + "org/demo/maven-metadata.xml");

        Assert.Equal(groupMetadata, await get.Content.ReadAsByteArrayAsync());
        Assert.Equal(Hex(SHA1.HashData(groupMetadata)), await GetTextAsync(repository.Url + "org/demo/maven-metadata.xml.sha1"));
    }

    [Fact]
    public async Task Should_Not_Generate_Metadata_In_A_Repository_That_Is_Not_Maven()
    {
        var repository = Seed.CreateRepository("generic");
        Seed.PutFile(repository.Id, "com/example/app/1.0/app-1.0.jar", Bytes("x"));

        using var response = await SendAsync(HttpMethod.Get, repository.Url + "com/example/app/maven-metadata.xml");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
