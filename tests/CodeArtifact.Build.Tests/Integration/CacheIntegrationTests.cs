using System.Text;

namespace CodeArtifact.Build.Tests.Integration;

/// <summary>
/// Issue 11's acceptance for cached answers, as a user meets them with `dotnet build` and the packed
/// package: a release published after a cached look-up is seen after CodeArtifactRefresh=true and
/// after the window (the marker is dated back instead of waiting); -t:CodeArtifactVerifyChecksums asks
/// the repository every time, so a replaced remote file, a wrong and a missing secret key each fail it.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CacheIntegrationTests(PackageFixture package)
{
    [Fact]
    public async Task A_Release_Published_After_A_Cached_Lookup_Is_Seen_After_A_Refresh_And_After_The_Window()
    {
        // Given two versions and a project that looks them up before every build
        var emulator = package.Emulator;
        var name = $"cache{Guid.NewGuid():N}"[..13];
        emulator.Seed.AddReleaseFile(name, "1.0.0");
        emulator.Seed.AddReleaseFile(name, "1.1.0");
        var consumer = new ConsumerProject(package, "cache-release", $"""
              <PropertyGroup>
                <CodeArtifactGetReleaseFileVersionsOnBuild>true</CodeArtifactGetReleaseFileVersionsOnBuild>
                <CodeArtifactReleaseFileName>{name}</CodeArtifactReleaseFileName>
              </PropertyGroup>
              <Target Name="PrintLatest" AfterTargets="Build">
                <Message Importance="high" Text="LATEST=[$(CodeArtifactLatestVersion)]" />
              </Target>
            """);
        var first = await consumer.BuildAsync();
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal("1.1.0", ConsumerProject.Printed(first, "LATEST"));

        // When 1.2.0 is published, then a build inside the window still uses the cached answer
        emulator.Seed.AddReleaseFile(name, "1.2.0");
        var mark = emulator.RequestLog.Count;
        var cached = await consumer.BuildAsync();
        Assert.True(cached.Succeeded, cached.ToString());
        Assert.Equal("1.1.0", ConsumerProject.Printed(cached, "LATEST"));
        Assert.Empty(emulator.RequestLog.Snapshot().Skip(mark));

        // And a refresh asks now and sees it
        var refreshed = await consumer.BuildAsync("-p:CodeArtifactRefresh=true");
        Assert.True(refreshed.Succeeded, refreshed.ToString());
        Assert.Equal("1.2.0", ConsumerProject.Printed(refreshed, "LATEST"));

        // When 1.3.0 is published and the last answer is 11 minutes old (the window is 10), then it is seen
        emulator.Seed.AddReleaseFile(name, "1.3.0");
        Assert.Equal("1.2.0", ConsumerProject.Printed(await consumer.BuildAsync(), "LATEST"));
        File.SetLastWriteTimeUtc(consumer.PathOf("obj/Debug/net10.0/codeartifact/release.succeeded"), DateTime.UtcNow.AddMinutes(-11));
        var expired = await consumer.BuildAsync();
        Assert.True(expired.Succeeded, expired.ToString());
        Assert.Equal("1.3.0", ConsumerProject.Printed(expired, "LATEST"));

        // And with a window of 0 every build asks
        mark = emulator.RequestLog.Count;
        Assert.True((await consumer.BuildAsync("-p:CodeArtifactCacheMinutes=0")).Succeeded);
        Assert.Contains(emulator.RequestLog.Snapshot().Skip(mark), r => r.Path.Contains("/release/files", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Verification_Target_Asks_Every_Time_So_A_Replaced_File_And_A_Wrong_Or_Missing_Key_Fail_It()
    {
        // Given a published file, the same bytes locally, and a verification that passed
        var emulator = package.Emulator;
        var repository = emulator.Seed.CreateRepository("generic").Id;
        emulator.Seed.PutFile(repository, "/app/1.0/app.zip", Encoding.UTF8.GetBytes("release bytes"));
        var consumer = new ConsumerProject(package, "cache-verify", $"""
              <PropertyGroup>
                <CodeArtifactRepository>{repository}</CodeArtifactRepository>
                <CodeArtifactVerifyOnBuild>true</CodeArtifactVerifyOnBuild>
              </PropertyGroup>
              <ItemGroup>
                <CodeArtifactVerifyFile Include="dist/app.zip" RemotePath="/app/1.0/app.zip" />
              </ItemGroup>
            """);
        Directory.CreateDirectory(consumer.PathOf("dist"));
        File.WriteAllText(consumer.PathOf("dist/app.zip"), "release bytes");
        var good = await consumer.BuildAsync();
        Assert.True(good.Succeeded, good.ToString());
        Assert.Contains("Checksums: 1 verified", good.Output, StringComparison.Ordinal);

        // When the target is asked for again with nothing changed, then it asks the repository again
        var mark = emulator.RequestLog.Count;
        var again = await consumer.BuildAsync("-t:CodeArtifactVerifyChecksums");
        Assert.True(again.Succeeded, again.ToString());
        Assert.Contains(emulator.RequestLog.Snapshot().Skip(mark), r => r.Operation == "ListArtifactoryComponent");

        // When the repository's copy is replaced (same size, other bytes), then the next verification fails
        emulator.Seed.PutFile(repository, "/app/1.0/app.zip", Encoding.UTF8.GetBytes("RELEASE BYTES"));
        var replaced = await consumer.BuildAsync("-t:CodeArtifactVerifyChecksums");
        Assert.False(replaced.Succeeded, replaced.ToString());
        Assert.Equal(["CART0301"], ConsumerProject.ErrorCodes(replaced));
        emulator.Seed.PutFile(repository, "/app/1.0/app.zip", Encoding.UTF8.GetBytes("release bytes"));
        Assert.True((await consumer.BuildAsync("-t:CodeArtifactVerifyChecksums")).Succeeded);

        // When the secret key is wrong, then it fails with the service's refusal, and the key is in no line
        var secretKey = consumer.Environment["HUAWEICLOUD_SDK_SK"];
        consumer.Environment["HUAWEICLOUD_SDK_SK"] = "Wrong-Secret-Key-00000000000000000000000";
        var wrong = await consumer.BuildAsync("-t:CodeArtifactVerifyChecksums");
        Assert.False(wrong.Succeeded, wrong.ToString());
        Assert.Equal(["CART0102"], ConsumerProject.ErrorCodes(wrong));
        Assert.DoesNotContain("Wrong-Secret-Key", wrong.Output, StringComparison.Ordinal);

        // When the secret key is missing, then it fails before any request, naming the variable
        consumer.Environment.Remove("HUAWEICLOUD_SDK_SK");
        mark = emulator.RequestLog.Count;
        var missing = await consumer.BuildAsync("-t:CodeArtifactVerifyChecksums");
        Assert.False(missing.Succeeded, missing.ToString());
        Assert.Equal(["CART0005"], ConsumerProject.ErrorCodes(missing));
        Assert.Contains("HUAWEICLOUD_SDK_SK", missing.Output, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestLog.Snapshot().Skip(mark));

        // And an ordinary build with the key back asks again, since the credentials changed since the last good answer
        consumer.Environment["HUAWEICLOUD_SDK_SK"] = secretKey;
        mark = emulator.RequestLog.Count;
        var back = await consumer.BuildAsync();
        Assert.True(back.Succeeded, back.ToString());
        Assert.Contains(emulator.RequestLog.Snapshot().Skip(mark), r => r.Operation == "ListArtifactoryComponent");
    }
}
