using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cake.CodeArtifact.Tests.Reliability;

/// <summary>
/// A loopback HTTP server that answers every request with one canned answer: what a proxy, a
/// gateway or a broken service might send instead of the real thing. One connection per request.
/// </summary>
internal sealed class ScriptedService : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly byte[] _answer;

    public ScriptedService(int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n");
        _answer = [.. Encoding.ASCII.GetBytes(head), .. bytes];
        _listener.Start();
        Endpoint = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _serving = ServeAsync();
    }

    public string Endpoint { get; }

    public int Requests { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                Requests++;
                var stream = client.GetStream();
                await ReadRequestAsync(stream);
                await stream.WriteAsync(_answer, _stop.Token);
            }
        }
    }

    // The head up to the blank line, then as many body bytes as Content-Length says.
    private async Task ReadRequestAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, _stop.Token) == 1)
        {
            head.Append((char)one[0]);
        }

        var length = head.ToString().Split("\r\n")
            .Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => int.Parse(l["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        var read = 0;
        while (read < length && await stream.ReadAsync(body.AsMemory(read), _stop.Token) is var n and > 0)
        {
            read += n;
        }
    }
}
