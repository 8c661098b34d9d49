using CodeArtifact.Core.Auth;
using CodeArtifact.Core.Http;

namespace CodeArtifact.Core;

/// <summary>
/// The CodeArts Artifact client: one typed method per documented operation, split by API
/// group into partial files under <c>Operations/</c>. Every method validates its arguments
/// before sending anything and fails only with <see cref="CodeArtifactException"/> (or
/// <see cref="OperationCanceledException"/> when the caller cancels). One client holds one
/// connection pool, one concurrency bound and one IAM token cache: share it, dispose it once.
/// </summary>
public sealed partial class CodeArtifactClient : IDisposable
{
    private readonly ApiConnection _connection;

    /// <summary>Creates a client; the options are copied and checked (CART0001–CART0003 on a bad value).</summary>
    public CodeArtifactClient(CodeArtifactClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connection = new ApiConnection(options.Clone());
    }

    /// <summary>
    /// Creates a client from the front ends' plain settings, completed by the credential chain
    /// (explicit values, then the environment, then the credentials file).
    /// </summary>
    public static CodeArtifactClient Create(CodeArtifactConnectionSettings settings, Action<CodeArtifactLogEvent>? log = null)
    {
        var options = CredentialChain.Resolve(settings);
        options.Log = log;
        return new CodeArtifactClient(options);
    }

    /// <summary>The effective options (after defaults were filled in).</summary>
    public CodeArtifactClientOptions Options => _connection.Options;

    internal ApiConnection Connection => _connection;

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
