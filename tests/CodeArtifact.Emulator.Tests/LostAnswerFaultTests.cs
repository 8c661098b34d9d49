using System.Net;
using System.Text;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>
/// The "applied, then answer lost" fault: the emulator does the work of the request in full, then
/// drops the connection before answering, so a client sees a failure for work that was done.
/// </summary>
public sealed class LostAnswerFaultTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private SignedClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync();
        _client = SignedClient.For(_server);
    }

    public async Task DisposeAsync()
    {
        _client.Http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Should_Delete_The_File_And_Then_Drop_The_Connection()
    {
        // Given a file, and every answer lost
        var repository = _server.Seed.CreateRepository("generic").Id;
        _server.Seed.PutFile(repository, "/dir/f.txt", Encoding.UTF8.GetBytes("content"));
        _server.Faults = new FaultOptions { RateLostAnswer = 1, RandomSeed = 1 };

        // When the file is deleted
        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            _client.SendSignedAsync(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{repository}}/dir/f.txt"}"""));

        // Then the client got no answer, yet the file is deleted: gone, and in the recycle bin
        Assert.NotNull(error);
        _server.Faults = FaultOptions.None;
        Assert.Null(_server.Seed.FindFile(repository, "/dir/f.txt"));
        var (status, trash) = await _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{repository}/file-tree?path=/dir&is_recycle_bin=true");
        Assert.Equal(200, status);
        Assert.Equal("f.txt", (string?)trash!["result"]!["children"]![0]!["name"]);

        // And the log keeps the answer that was not sent
        var entry = _server.RequestLog.Snapshot().Single(e => e.Method == "DELETE");
        Assert.Equal(FaultNames.LostAnswer, entry.Fault);
        Assert.Equal(200, entry.Status);
        Assert.Equal("DeleteArtifactFile", entry.Operation);
    }

    [Fact]
    public async Task Should_Answer_Not_Found_To_The_Retry_Of_A_Lost_Delete()
    {
        // Given a delete whose answer was lost
        var repository = _server.Seed.CreateRepository("generic").Id;
        _server.Seed.PutFile(repository, "/a.bin", [1, 2, 3]);
        var body = $$"""{"path":"{{repository}}/a.bin"}""";
        _server.Faults = new FaultOptions { RateLostAnswer = 1, RandomSeed = 1 };
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.SendSignedAsync(HttpMethod.Delete, "/cloudartifact/v5/file", body));

        // When the client sends it again
        _server.Faults = FaultOptions.None;
        var (status, answer) = await _client.JsonAsync(HttpMethod.Delete, "/cloudartifact/v5/file", body);

        // Then the file is not found: the first attempt deleted it
        Assert.Equal(404, status);
        Assert.Equal("error", (string?)answer!["status"]);
    }

    [Fact]
    public async Task Should_Keep_The_Error_Status_Of_A_Refused_Request_In_The_Log()
    {
        var repository = _server.Seed.CreateRepository("generic").Id;
        _server.Faults = new FaultOptions { RateLostAnswer = 1, RandomSeed = 1 };

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            _client.SendSignedAsync(HttpMethod.Delete, "/cloudartifact/v5/file", $$"""{"path":"{{repository}}/missing.bin"}"""));

        var entry = _server.RequestLog.Snapshot().Single(e => e.Method == "DELETE");
        Assert.Equal(FaultNames.LostAnswer, entry.Fault);
        Assert.Equal(404, entry.Status);
    }

    [Fact]
    public async Task Should_Leave_The_Other_Faults_Of_A_Seed_Where_They_Were()
    {
        // Given the same seed with and without lost answers
        var without = new FaultOptions { Rate429 = 0.2, Rate5xx = 0.2, RandomSeed = 77 };
        _server.Faults = without;
        var before = await OutcomesAsync(60);
        _server.Faults = without with { RateLostAnswer = 0.3 };
        var after = await OutcomesAsync(60);

        // Then every 429 and 503 falls on the same request, and only former successes are lost
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i] is 429 or 503)
            {
                Assert.Equal(before[i], after[i]);
            }
            else
            {
                Assert.Contains(after[i], new[] { 200, 0 });
            }
        }

        Assert.Contains(0, after);
        Assert.Contains(200, after);
        Assert.Equal(after.Count(s => s == 0), _server.RequestLog.Snapshot().TakeLast(60).Count(e => e.Fault == FaultNames.LostAnswer));
    }

    [Fact]
    public void Should_Refuse_A_Bad_Rate()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _server.Faults = new FaultOptions { RateLostAnswer = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => _server.Faults = new FaultOptions { RateLostAnswer = double.NaN });
        Assert.Throws<ArgumentException>(() => _server.Faults = new FaultOptions { RateDrop = 0.5, RateLostAnswer = 0.6 });
        Assert.False(new FaultOptions { RateLostAnswer = 0.1 }.IsNone);
    }

    [Fact]
    public void Should_Read_The_Rate_From_The_Command_Line()
    {
        Assert.True(CommandLine.TryParse(["--in-memory", "--rate-lost-answer", "0.25"], out var options, out var error), error);
        Assert.Equal(0.25, options!.Faults.RateLostAnswer);

        Assert.False(CommandLine.TryParse(["--rate-lost-answer", "2"], out _, out error));
        Assert.Contains("--rate-lost-answer", error, StringComparison.Ordinal);
        Assert.False(CommandLine.TryParse(["--rate-drop", "0.6", "--rate-lost-answer", "0.6"], out _, out error));
        Assert.Contains("RateLostAnswer", error, StringComparison.Ordinal);
    }

    // 0 for a request that got no answer.
    private async Task<List<int>> OutcomesAsync(int count)
    {
        var outcomes = new List<int>();
        for (var i = 0; i < count; i++)
        {
            try
            {
                using var response = await _client.SendSignedAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info");
                outcomes.Add((int)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                outcomes.Add(0);
            }
        }

        return outcomes;
    }
}
