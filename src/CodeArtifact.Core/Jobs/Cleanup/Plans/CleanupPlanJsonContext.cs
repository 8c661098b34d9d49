using System.Text.Json.Serialization;

namespace CodeArtifact.Core.Jobs;

/// <summary>Plan JSON: camelCase, indented, nulls written, so a reviewer sees every field of the schema.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CleanupPlan))]
internal sealed partial class CleanupPlanJsonContext : JsonSerializerContext
{
}
