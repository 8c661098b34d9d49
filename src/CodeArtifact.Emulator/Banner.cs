using System.Text;

namespace CodeArtifact.Emulator;

/// <summary>What the emulator prints at start: where it listens and which credentials to use.</summary>
internal static class Banner
{
    public static string Text(EmulatorServer server, EmulatorOptions options)
    {
        var id = server.Identity;
        var text = new StringBuilder();
        text.AppendLine($"codeartifact-emulator listening on {server.Endpoint}");
        text.AppendLine($"  data:          {(options.DataDirectory ?? "in memory")}{(server.SeedApplied ? " (seeded from " + options.SeedFile + ")" : string.Empty)}");
        text.AppendLine($"  endpoint:      {server.Endpoint}   (v5 API, v2 release API, repositories under /artgalaxy/)");
        text.AppendLine($"  IAM endpoint:  {server.Endpoint}   (POST /v3/auth/tokens)");
        text.AppendLine($"  region:        {server.Region}");
        text.AppendLine($"  tenant id:     {id.TenantId}   (domain name {id.DomainName})");
        text.AppendLine($"  project id:    {id.ProjectId}");
        text.AppendLine($"  AK:            {id.AccessKey}");
        text.AppendLine($"  SK:            {id.SecretKey}");
        text.AppendLine($"  IAM user:      {id.UserName} / {id.Password}");
        text.AppendLine($"  repo user:     {id.RepositoryUserName} / {server.RepositoryPassword()}");
        if (!options.Faults.IsNone)
        {
            var f = options.Faults;
            text.AppendLine($"  faults:        latency {f.LatencyMs} ms, 429 {f.Rate429:P0}, 503 {f.Rate5xx:P0}, drop {f.RateDrop:P0}, lost answer {f.RateLostAnswer:P0}, seed {f.RandomSeed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "random"}");
        }

        text.AppendLine("  environment:   HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID as above; Ctrl+C stops.");
        return text.ToString();
    }
}
