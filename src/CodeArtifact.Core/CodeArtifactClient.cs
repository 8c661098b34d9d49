using CodeArtifact.Core.Http;

namespace CodeArtifact.Core;

/// <summary>
/// The CodeArts Artifact client: one typed method per documented operation, split by API
/// group into partial files under <c>Operations/</c>. Every method validates its arguments
/// before sending anything and fails only with <see cref="CodeArtifactException"/>.
/// </summary>
public sealed partial class CodeArtifactClient : IDisposable
{
    private readonly ApiConnection _connection;

    public CodeArtifactClient(CodeArtifactClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connection = new ApiConnection(options.Clone());
    }

    /// <summary>The effective options (after defaults were filled in).</summary>
    public CodeArtifactClientOptions Options => _connection.Options;

    internal ApiConnection Connection => _connection;

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
