namespace CodeArtifact.Build.Tests.Infrastructure;

/// <summary>
/// In-process test projects connected to a fixture's emulator as its dev user. The secret key is
/// in a credentials file named by CodeArtifactCredentialsFile, the way the credential chain reads
/// it, so that nothing is set in this process's environment, which other tests share.
/// </summary>
internal static class EmulatorProjects
{
    public static TestProject Create(EmulatorFixture emulator, TempDirectory folder, string body, IReadOnlyDictionary<string, string>? properties = null)
    {
        var credentials = folder.WriteFile("credentials", $"""
            [basic]
            ak = {emulator.Dev.AccessKey}
            sk = {emulator.Dev.SecretKey}
            """);
        var globals = new Dictionary<string, string>
        {
            ["_CodeArtifactTaskAssembly"] = typeof(CodeArtifactTask).Assembly.Location,
            ["CodeArtifactEndpoint"] = emulator.Server.Endpoint.ToString(),
            ["CodeArtifactTenantId"] = emulator.Dev.TenantId,
            ["CodeArtifactProjectId"] = emulator.Dev.ProjectId,
            ["CodeArtifactCredentialsFile"] = credentials,
            ["CodeArtifactMaxRetries"] = "0",
        };
        foreach (var (name, value) in properties ?? new Dictionary<string, string>())
        {
            globals[name] = value;
        }

        return new TestProject(body, globals);
    }

    /// <summary>Sets (or, with null, removes) global properties and evaluates the project again.</summary>
    public static void Set(this TestProject project, params (string Name, string? Value)[] properties)
    {
        foreach (var (name, value) in properties)
        {
            if (value is null)
            {
                project.Project.RemoveGlobalProperty(name);
            }
            else
            {
                project.Project.SetGlobalProperty(name, value);
            }
        }

        project.Project.ReevaluateIfNecessary();
    }
}
