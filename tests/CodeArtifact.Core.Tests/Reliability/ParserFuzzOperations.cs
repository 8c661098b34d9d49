using System.Net;
using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Model;
using CodeArtifact.Emulator;

namespace CodeArtifact.Core.Tests.Reliability;

/// <summary>An operation whose answer the fuzzer replaces, with the arguments it is called with.</summary>
/// <param name="Name">The operation's name in the reference, as error messages give it.</param>
/// <param name="Call">Calls it on a client (arguments are valid, so only the answer can fail it).</param>
internal sealed record FuzzedOperation(string Name, Func<CodeArtifactClient, Task> Call);

/// <summary>
/// The operations that read a JSON answer, and their real answers: each is called once against the
/// emulator (through the client's transport seam, so the bodies are exactly what the readers get),
/// and those bodies are the seeds the fuzzer mutates.
/// </summary>
internal static class ParserFuzzOperations
{
    public static async Task<IReadOnlyList<(FuzzedOperation Operation, byte[] Seed)>> RecordAsync(EmulatorServer server)
    {
        var repository = server.Seed.CreateRepository("generic").Id;
        var file = server.Seed.PutFile(repository, "/app/1.0/app.zip", "fuzz seed"u8.ToArray(), DateTimeOffset.UtcNow.AddDays(-3));
        server.Seed.PutFile(repository, "/app/1.1/app.zip", "fuzz seed 1.1"u8.ToArray());
        var (maven, _) = server.Seed.CreateMavenRepository("fuzz-maven");
        server.Seed.AddReleaseFile("fuzz-app", "1.0.0");
        server.Seed.AddReleaseFile("fuzz-app", "1.1.0-rc.1");
        server.Seed.DeleteFile(repository, "/app/1.1/app.zip");

        FuzzedOperation[] operations =
        [
            new("ShowFileTree", c => c.GetFileTreeAsync(repository, "/app")),
            new("ListArtifactoryComponent", c => c.GetFileDetailAsync(repository, "/app/1.0/app.zip", "generic")),
            new("ShowMavenInfo", c => c.GetMavenInfoAsync(new MavenInfoQuery { Ids = [maven.Id] })),
            new("ShowProjectReleaseFiles", c => c.GetReleaseFilesAsync("fuzz-app", 100, 0)),
            new("BatchRestoreRepo", c => c.RestoreFromRecycleBinAsync([RecycleBinItem.ForPath(repository, "generic", "/app/1.1/app.zip")])),
            new("ShowRepositoryInfo", c => c.GetRepositoryAsync(repository)),
            new("ListAllRepositories", c => c.ListRepositoriesAsync()),
            new("SearchByChecksum", c => c.SearchByChecksumAsync(new ChecksumSearchQuery { Checksum = file.Sha256 })),
            new("ShowStorage", c => c.GetStorageUsageAsync()),
            new("ShowAudit", c => c.GetAuditLogAsync(new AuditLogQuery { Repository = repository })),
            new("ShowProjectList", c => c.ListProjectRepositoriesAsync()),
            new("ListAttentions", c => c.ListFollowedArtifactsAsync()),
            new("ShowRepository", c => c.GetRepositoryDetailsAsync(repository, server.Region)),
            new("ListArtifactoryStorageStatistic", c => c.GetStorageTrendAsync()),
            new("ResetUserPassword", c => c.ResetUserPasswordAsync()),
        ];

        using var recorder = new RecordingTransport();
        using var client = new CodeArtifactClient(new CodeArtifactClientOptions
        {
            Endpoint = server.Endpoint,
            TenantId = server.Identity.TenantId,
            ProjectId = server.Identity.ProjectId,
            Credentials = new AccessKeyCredentials(server.Identity.AccessKey, new Secret(server.Identity.SecretKey)),
            MaxRetries = 0,
            Transport = recorder,
        });
        var seeds = new List<(FuzzedOperation, byte[])>();
        foreach (var operation in operations)
        {
            await operation.Call(client);
            seeds.Add((operation, recorder.LastBody ?? throw new InvalidOperationException($"{operation.Name} recorded no answer.")));
        }

        return seeds;
    }

    /// <summary>A client whose every answer comes from <paramref name="transport"/>; no retry, so each call is one answer.</summary>
    public static CodeArtifactClient FuzzClient(HttpMessageHandler transport) => new(new CodeArtifactClientOptions
    {
        Endpoint = new Uri("https://artifact.fuzz.test"),
        TenantId = "c0dea7f1ac7e4e55a00000000000d001",
        ProjectId = "c0dea7f1ac7e4e55b00000000000p001",
        Credentials = new AccessKeyCredentials("FUZZACCESSKEY", new Secret("FuzzSecretKey-not-used-for-real")),
        MaxRetries = 0,
        Transport = transport,
    });

    /// <summary>Forwards to the emulator and keeps the last answer's body.</summary>
    private sealed class RecordingTransport() : DelegatingHandler(new SocketsHttpHandler())
    {
        public byte[]? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Recording {request.RequestUri}: HTTP {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            }

            var copy = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = copy;
            LastBody = body;
            return response;
        }
    }
}

/// <summary>A transport that answers every request with the status and body it was given last.</summary>
internal sealed class ScriptedTransport : HttpMessageHandler
{
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public byte[] Body { get; set; } = [];

    public string ContentType { get; set; } = "application/json";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(Body);
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return Task.FromResult(new HttpResponseMessage(Status) { Content = content, RequestMessage = request });
    }
}
