using System.Net;
using CodeArtifact.Emulator.Faults;
using CodeArtifact.Emulator.Tests.Support;

namespace CodeArtifact.Emulator.Tests;

/// <summary>Forced answers: one file's look-up fails in a chosen way while the others are answered.</summary>
public sealed class ForcedAnswerTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;
    private SignedClient _client = null!;
    private string _repository = null!;

    public async Task InitializeAsync()
    {
        _server = await EmulatorServer.StartAsync();
        _client = SignedClient.For(_server);
        _repository = _server.Seed.CreateRepository("generic").Id;
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            _server.Seed.PutFile(_repository, $"/app/{name}.zip", [1, 2, 3]);
        }
    }

    public async Task DisposeAsync()
    {
        _client.Http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Should_Force_Each_Answer_On_Its_File_Only()
    {
        // Given
        _server.Faults = new FaultOptions
        {
            ForcedAnswers =
            [
                new ForcedAnswer { FilePath = "/app/a.zip", Statuses = [403] },
                new ForcedAnswer { FilePath = "app/b.zip", Statuses = [200] },
                new ForcedAnswer { FilePath = "/app/c.zip", Statuses = [500] },
            ],
        };

        // When
        var (forbidden, forbiddenBody) = await DetailAsync("/app/a.zip");
        var (errorStatus, errorStatusBody) = await DetailAsync("/app/b.zip");
        var (failed, failedBody) = await DetailAsync("/app/c.zip");
        var (found, foundBody) = await DetailAsync("/app/d.zip");

        // Then
        Assert.Equal((403, "CR.4102"), (forbidden, (string?)forbiddenBody!["error_code"]));
        Assert.Equal((200, "error", "CR.5000"), (errorStatus, (string?)errorStatusBody!["status"], (string?)errorStatusBody["error_code"]));
        Assert.Equal((500, "CR.5000"), (failed, (string?)failedBody!["error_code"]));
        Assert.Equal((200, "success"), (found, (string?)foundBody!["status"]));
        Assert.Equal(["forced", "forced", "forced", null], _server.RequestLog.Snapshot().TakeLast(4).Select(e => e.Fault));
    }

    [Fact]
    public async Task Should_Answer_The_Statuses_In_Order_And_Repeat_The_Last()
    {
        // Given "a 500 after two 503s"
        _server.Faults = new FaultOptions { ForcedAnswers = [new ForcedAnswer { FilePath = "/app/a.zip", Statuses = [503, 503, 500] }] };

        // When
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await DetailAsync("/app/a.zip")).Status);
        }

        // Then
        Assert.Equal([503, 503, 500, 500], statuses);
    }

    [Fact]
    public async Task Should_Match_A_Request_Path_Prefix_And_Start_Counting_Again_When_Set_Again()
    {
        var options = new FaultOptions { ForcedAnswers = [new ForcedAnswer { PathPrefix = "/v2/", Statuses = [503, 200] }] };
        var releases = $"/v2/{_server.Identity.ProjectId}/release/files?file_name=x";

        _server.Faults = options;
        var first = await _client.JsonAsync(HttpMethod.Get, releases);
        var spared = await _client.JsonAsync(HttpMethod.Get, "/cloudartifact/v5/maven/info");
        _server.Faults = options;
        var again = await _client.JsonAsync(HttpMethod.Get, releases);

        Assert.Equal((503, 200, 503), (first.Status, spared.Status, again.Status));
    }

    [Fact]
    public void Should_Refuse_A_Forced_Answer_Without_A_Target_Or_With_An_Unsupported_Status()
    {
        Assert.Throws<ArgumentException>(() => _server.Faults = new FaultOptions { ForcedAnswers = [new ForcedAnswer { Statuses = [500] }] });
        Assert.Throws<ArgumentException>(() => _server.Faults = new FaultOptions { ForcedAnswers = [new ForcedAnswer { FilePath = "/a" }] });
        Assert.Throws<ArgumentOutOfRangeException>(() => _server.Faults = new FaultOptions { ForcedAnswers = [new ForcedAnswer { FilePath = "/a", Statuses = [418] }] });
    }

    private Task<(int Status, System.Text.Json.Nodes.JsonNode? Body)> DetailAsync(string path) =>
        _client.JsonAsync(HttpMethod.Get, $"{_client.V5Prefix()}/{_repository}/file-detail?path={Uri.EscapeDataString(path)}&format=generic");
}
