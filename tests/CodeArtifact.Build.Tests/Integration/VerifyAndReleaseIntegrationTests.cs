using System.Text;

namespace CodeArtifact.Build.Tests.Integration;

/// <summary>
/// `dotnet build` of consumer projects that opt into the build hooks: verification after Build,
/// release versions before it. A second build with unchanged inputs sends no request.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class VerifyAndReleaseIntegrationTests(PackageFixture package)
{
    [Fact]
    public async Task Should_Verify_After_Build_Then_Do_No_Network_Work_Until_A_File_Changes()
    {
        // Given two published files, the same bytes locally, and a project that verifies on build
        var emulator = package.Emulator;
        var repository = emulator.Seed.CreateRepository("generic").Id;
        emulator.Seed.PutFile(repository, "/app/1.0/app.zip", Encoding.UTF8.GetBytes("app bytes"));
        emulator.Seed.PutFile(repository, "/app/1.0/lib.zip", Encoding.UTF8.GetBytes("lib bytes"));
        var consumer = new ConsumerProject(package, "verify", $"""
              <PropertyGroup>
                <CodeArtifactRepository>{repository}</CodeArtifactRepository>
                <CodeArtifactVerifyOnBuild>true</CodeArtifactVerifyOnBuild>
                <CodeArtifactReportDirectory>reports</CodeArtifactReportDirectory>
              </PropertyGroup>
              <ItemGroup>
                <CodeArtifactVerifyFile Include="dist/app.zip" RemotePath="/app/1.0/app.zip" />
                <CodeArtifactVerifyFile Include="dist/lib.zip" RemotePath="/app/1.0/lib.zip" />
              </ItemGroup>
              <Target Name="PrintVerified" AfterTargets="_CodeArtifactVerifyOnBuild">
                <Message Importance="high" Text="VERIFIED=[@(CodeArtifactVerifiedFile)] ALGORITHMS=[@(CodeArtifactVerifiedFile->'%(Algorithm)')]" />
              </Target>
            """);
        Directory.CreateDirectory(consumer.PathOf("dist"));
        File.WriteAllText(consumer.PathOf("dist/app.zip"), "app bytes");
        File.WriteAllText(consumer.PathOf("dist/lib.zip"), "lib bytes");

        // When it builds
        var mark = emulator.RequestLog.Count;
        var first = await consumer.BuildAsync();

        // Then both files are verified, with a one-line summary, and the report lists them
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal("dist/app.zip;dist/lib.zip", ConsumerProject.Printed(first, "VERIFIED"));
        Assert.Equal("SHA256;SHA256", ConsumerProject.Printed(first, "ALGORITHMS"));
        Assert.Contains("Checksums: 2 verified, 0 mismatched", first.Output, StringComparison.Ordinal);
        Assert.NotEmpty(emulator.RequestLog.Snapshot().Skip(mark));
        var report = File.ReadAllText(consumer.PathOf("reports/verify-checksums.json"));
        Assert.Contains("/app/1.0/lib.zip", report, StringComparison.Ordinal);

        // And when it builds again with nothing changed
        mark = emulator.RequestLog.Count;
        var second = await consumer.BuildAsync();

        // Then no request is sent, and the outputs are still there
        Assert.True(second.Succeeded, second.ToString());
        Assert.Empty(emulator.RequestLog.Snapshot().Skip(mark));
        Assert.Equal("dist/app.zip;dist/lib.zip", ConsumerProject.Printed(second, "VERIFIED"));

        // And when a local file changes
        File.WriteAllText(consumer.PathOf("dist/lib.zip"), "lib bytes, rebuilt differently");
        mark = emulator.RequestLog.Count;
        var third = await consumer.BuildAsync();

        // Then it is verified again, and the mismatch fails the build with its code
        Assert.False(third.Succeeded, third.ToString());
        Assert.Contains("CART0301", ConsumerProject.ErrorCodes(third));
        Assert.NotEmpty(emulator.RequestLog.Snapshot().Skip(mark));
    }

    [Fact]
    public async Task Should_Look_Up_Release_Versions_Before_Build_Once_Until_Inputs_Change()
    {
        // Given versions whose text order is not their version order
        var emulator = package.Emulator;
        var name = $"tool{Guid.NewGuid():N}"[..12];
        foreach (var version in new[] { "1.10.0", "1.2.0", "1.9.3", "2.0.0-rc.1" })
        {
            emulator.Seed.AddReleaseFile(name, version);
        }

        var consumer = new ConsumerProject(package, "release", $"""
              <PropertyGroup>
                <CodeArtifactGetReleaseFileVersionsOnBuild>true</CodeArtifactGetReleaseFileVersionsOnBuild>
                <CodeArtifactReleaseFileName>{name}</CodeArtifactReleaseFileName>
              </PropertyGroup>
              <Target Name="PrintVersions" AfterTargets="Build">
                <Message Importance="high" Text="LATEST=[$(CodeArtifactLatestVersion)] URL=[$(CodeArtifactLatestDownloadUrl)] VERSIONS=[@(CodeArtifactReleaseVersion)]" />
              </Target>
            """);

        // When
        var mark = emulator.RequestLog.Count;
        var first = await consumer.BuildAsync();

        // Then
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal("1.10.0", ConsumerProject.Printed(first, "LATEST"));
        Assert.Equal("1.2.0;1.9.3;1.10.0;2.0.0-rc.1", ConsumerProject.Printed(first, "VERSIONS"));
        Assert.StartsWith(emulator.Endpoint.GetLeftPart(UriPartial.Authority), ConsumerProject.Printed(first, "URL"), StringComparison.Ordinal);
        Assert.Contains(emulator.RequestLog.Snapshot().Skip(mark), r => r.Path.Contains("/release/files", StringComparison.Ordinal));

        // And when it builds again, twice (the second time after IncrementalClean has seen a no-op build)
        foreach (var round in new[] { "second", "third" })
        {
            mark = emulator.RequestLog.Count;
            var again = await consumer.BuildAsync();

            // Then nothing is sent and the outputs are the same
            Assert.True(again.Succeeded, again.ToString());
            Assert.True(emulator.RequestLog.Snapshot().Skip(mark).Count() == 0, $"The {round} build sent requests.");
            Assert.Equal("1.10.0", ConsumerProject.Printed(again, "LATEST"));
            Assert.Equal(ConsumerProject.Printed(first, "URL"), ConsumerProject.Printed(again, "URL"));
        }

        // And when an input is invalid
        mark = emulator.RequestLog.Count;
        var invalid = await consumer.BuildAsync("-p:CodeArtifactReleaseFileName=bad name!");

        // Then it stops with a coded error before any request
        Assert.False(invalid.Succeeded, invalid.ToString());
        Assert.Equal(["CART0001"], ConsumerProject.ErrorCodes(invalid));
        Assert.Contains("FileName", invalid.Output, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestLog.Snapshot().Skip(mark));
    }
}
