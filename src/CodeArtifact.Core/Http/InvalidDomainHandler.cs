using System.Net.Sockets;

namespace CodeArtifact.Core.Http;

/// <summary>
/// Fails a request to a host under the reserved <c>.invalid</c> domain at once, as a name that
/// does not resolve, without asking DNS: RFC 6761 (6.4) reserves the domain so that such names
/// never resolve, and asks name-resolution libraries to answer them negatively themselves. A
/// placeholder endpoint left in a configuration then fails in milliseconds with the endpoint
/// advice, and sends nothing over the network.
/// </summary>
internal sealed class InvalidDomainHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { } uri && IsReserved(uri.IdnHost)
            ? throw new HttpRequestException(
                HttpRequestError.NameResolutionError,
                $"{uri.IdnHost} is in the reserved .invalid domain, which never resolves (RFC 6761)",
                new SocketException((int)SocketError.HostNotFound))
            : base.SendAsync(request, cancellationToken);

    public static bool IsReserved(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("invalid", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".invalid", StringComparison.OrdinalIgnoreCase);
    }
}
