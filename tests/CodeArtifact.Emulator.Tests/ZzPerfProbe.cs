using System.Diagnostics;
using CodeArtifact.Emulator.Tests.Support;
using Xunit.Abstractions;

namespace CodeArtifact.Emulator.Tests;

public sealed class ZzPerfProbe(ITestOutputHelper output)
{
    [Fact]
    public async Task Probe()
    {
        await using var server = await EmulatorServer.StartAsync();
        var client = SignedClient.For(server);
        var repo = server.Seed.CreateRepository("generic");
        var watch = Stopwatch.StartNew();
        server.Seed.PutFiles(repo.Id, Enumerable.Range(0, 10_000).Select(i => ($"/app/{i % 100}/f{i}.bin", new byte[] { (byte)i }, DateTimeOffset.UtcNow.AddDays(-i))));
        output.WriteLine($"seed 10k: {watch.ElapsedMilliseconds} ms");
        var url = $"{client.V5Prefix()}/{repo.Id}/file-detail?path=/app/5/f5.bin&format=generic";
        for (var i = 0; i < 200; i++) { using var r = await client.SendSignedAsync(HttpMethod.Get, url); }
        var count = 0;
        watch.Restart();
        var tasks = Enumerable.Range(0, 32).Select(async _ =>
        {
            while (watch.ElapsedMilliseconds < 5000)
            {
                using var r = await client.SendSignedAsync(HttpMethod.Get, url);
                if (!r.IsSuccessStatusCode) throw new InvalidOperationException(r.StatusCode.ToString());
                Interlocked.Increment(ref count);
            }
        });
        await Task.WhenAll(tasks);
        output.WriteLine($"{count / watch.Elapsed.TotalSeconds:F0} req/s");
        watch.Restart();
        var (_, tree) = await client.JsonAsync(HttpMethod.Get, $"{client.V5Prefix()}/{repo.Id}/file-tree?path=/app");
        output.WriteLine($"tree root children {tree!["result"]!["total"]} in {watch.ElapsedMilliseconds} ms");
    }
}
