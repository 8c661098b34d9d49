using Cake.CodeArtifact.Tests.Fakes;
using CodeArtifact.Core.Auth;
using CodeArtifact.Emulator;

namespace Cake.CodeArtifact.Tests;

/// <summary>
/// What an alias test needs: a fake Cake context whose environment holds the emulator's dev AK/SK
/// (as a CI system would provide them), the connection settings of the emulator, and a mark in
/// the emulator's request log to tell which requests the test caused.
/// </summary>
internal sealed class AliasTestContext : IDisposable
{
    private readonly int _requestsBefore;

    public AliasTestContext(EmulatorServer server)
    {
        Server = server;
        Context.Environment.Variables[CodeArtifactEnvironment.AccessKey] = server.Identity.AccessKey;
        Context.Environment.Variables[CodeArtifactEnvironment.SecretKey] = server.Identity.SecretKey;
        Connection = new CodeArtifactSettings
        {
            Endpoint = server.Endpoint.ToString(),
            TenantId = server.Identity.TenantId,
            ProjectId = server.Identity.ProjectId,
            MaxRetries = 0,
        };
        _requestsBefore = server.RequestLog.Count;
    }

    public EmulatorServer Server { get; }

    public FakeCakeContext Context { get; } = new();

    public FakeCakeLog Log => Context.Log;

    /// <summary>The emulator's endpoint, tenant and project; credentials come from the environment.</summary>
    public CodeArtifactSettings Connection { get; }

    /// <summary>The operations the emulator answered since this context was made.</summary>
    public IReadOnlyList<string> Operations => [.. Server.RequestLog.Snapshot().Skip(_requestsBefore).Select(e => e.Operation ?? e.Path)];

    /// <summary>Every secret the test environment holds, which must never appear in a log line or message.</summary>
    public IEnumerable<string> Secrets => [Server.Identity.SecretKey, Server.Identity.Password, Server.RepositoryPassword()];

    /// <summary>A file in the working directory, with the given bytes.</summary>
    public string WriteLocalFile(string relativePath, byte[] content)
    {
        var path = Context.PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Context.Dispose();
}
