namespace CodeArtifact.Build.Tests.Integration;

/// <summary>
/// `dotnet build -t:CodeArtifactPublish` of a consumer of the packed package, as a deploy step runs
/// it: uploads at the default verbosity with the summary shown, a second run that uploads nothing,
/// and a refusal before any request, naming the property the user set.
/// </summary>
[Collection(SecondPackageCollection.Name)]
public sealed class PublishIntegrationTests(PackageFixture package)
{
    [Fact]
    public async Task Should_Publish_With_The_Ready_Target_Then_Find_Everything_Unchanged()
    {
        // Given a project whose dist/ goes to /pub/1.0/, and a Maven repository whose account uploads
        var emulator = package.Emulator;
        emulator.Seed.CreateMavenRepository($"pubit{Guid.NewGuid():N}"[..14]);
        var repository = emulator.Seed.CreateRepository("generic").Id;
        var consumer = new ConsumerProject(package, "publish", $"""
              <PropertyGroup>
                <CodeArtifactRepository>{repository}</CodeArtifactRepository>
                <CodeArtifactReportDirectory>reports</CodeArtifactReportDirectory>
              </PropertyGroup>
              <ItemGroup>
                <CodeArtifactPublishFile Include="dist/*" RemotePath="/pub/1.0/%(Filename)%(Extension)" />
              </ItemGroup>
              <Target Name="PrintPublished" AfterTargets="CodeArtifactPublish">
                <Message Importance="high" Text="PUBLISHED=[@(CodeArtifactPublishedFile->'%(RemotePath)')] UNCHANGED=[@(CodeArtifactUnchangedFile->'%(RemotePath)')] SHA256=[@(CodeArtifactPublishedFile->'%(Sha256)')]" />
              </Target>
            """);
        Directory.CreateDirectory(consumer.PathOf("dist"));
        File.WriteAllText(consumer.PathOf("dist/app.zip"), "app bytes");
        File.WriteAllText(consumer.PathOf("dist/notes.md"), "# notes");

        // When the deploy step publishes, at the default verbosity
        var first = await consumer.BuildAtDefaultVerbosityAsync("-t:CodeArtifactPublish");

        // Then both files are in the repository, and the summary line shows
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal("/pub/1.0/app.zip;/pub/1.0/notes.md", ConsumerProject.Printed(first, "PUBLISHED"));
        Assert.Equal(emulator.Seed.FindFile(repository, "/pub/1.0/app.zip")!.Sha256 + ";" + emulator.Seed.FindFile(repository, "/pub/1.0/notes.md")!.Sha256, ConsumerProject.Printed(first, "SHA256"));
        Assert.Contains("2 uploaded (16 bytes) and verified, 0 unchanged, 0 failed.", first.Output, StringComparison.Ordinal);
        Assert.Contains("\"job\": \"publish\"", File.ReadAllText(consumer.PathOf("reports/publish.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(consumer.PathOf("reports/publish.md")));

        // And when it publishes the same files again
        var mark = emulator.RequestLog.Count;
        var second = await consumer.BuildAtDefaultVerbosityAsync("-t:CodeArtifactPublish");

        // Then nothing is uploaded
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(string.Empty, ConsumerProject.Printed(second, "PUBLISHED"));
        Assert.Equal("/pub/1.0/app.zip;/pub/1.0/notes.md", ConsumerProject.Printed(second, "UNCHANGED"));
        Assert.DoesNotContain(emulator.RequestLog.Snapshot().Skip(mark), r => r.Method == "PUT");

        // And when the repository it is given is a Maven one
        mark = emulator.RequestLog.Count;
        var maven = await consumer.BuildAtDefaultVerbosityAsync("-t:CodeArtifactPublish", $"-p:CodeArtifactPublishRepository=cn-north-4_{emulator.Identity.TenantId}_maven_1_201");

        // Then it stops with CART0601, naming the property, before any request
        Assert.False(maven.Succeeded, maven.ToString());
        Assert.Equal(["CART0601"], ConsumerProject.ErrorCodes(maven));
        Assert.Contains("CodeArtifactPublishRepository", maven.Output, StringComparison.Ordinal);
        Assert.Empty(emulator.RequestLog.Snapshot().Skip(mark));
    }
}
