namespace CodeArtifact.Core.Jobs;

/// <summary>A mirror of the written settings file that Maven would send some of our repositories' requests to (warning CART0206).</summary>
/// <param name="MirrorId">The mirror's <c>&lt;id&gt;</c>.</param>
/// <param name="MirrorOf">Its <c>&lt;mirrorOf&gt;</c> pattern, as written.</param>
/// <param name="MirrorUrl">Its <c>&lt;url&gt;</c>, when it has one.</param>
/// <param name="Blocked">True when the mirror is <c>&lt;blocked&gt;</c>: Maven refuses those repositories outright.</param>
/// <param name="RepositoryIds">Our repositories it catches.</param>
/// <param name="SuggestedMirrorOf">A <c>mirrorOf</c> that keeps the mirror for everything else and lets ours through (<c>*,!id</c>); empty when the mirror would then mirror nothing, so removing it is the fix.</param>
public sealed record MavenMirrorCatch(string MirrorId, string MirrorOf, string? MirrorUrl, bool Blocked, IReadOnlyList<string> RepositoryIds, string SuggestedMirrorOf);
