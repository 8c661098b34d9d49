using CodeArtifact.Core.Auth;

namespace CodeArtifact.Emulator.Tests.Signing;

/// <summary>
/// Core's signer against the emulator's own verifier, which shares no code with it: seeded random
/// requests signed by the client must all be accepted, and every copy changed after signing in a
/// signed part must be refused. A disagreement names the seed index and the canonical inputs.
/// </summary>
public sealed class SignatureDifferentialTests
{
    private const int Seed = 16_0003;
    private const int Count = 600;
    private const string AccessKey = "DIFFERENTIALAK";
    private const string SecretKey = "differential-secret-key-0123456789";

    [Fact]
    public void Should_Accept_Every_Request_Core_Signs_And_Refuse_Every_Mutated_Copy()
    {
        // Given
        var random = new RandomRequestGenerator(Seed);
        var requests = Enumerable.Range(0, Count).Select(_ => random.Next()).ToList();
        var failures = new List<string>();
        var refused = 0;

        // When
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var signed = request.Sign(AccessKey, SecretKey);
            var now = DateTimeOffset.ParseExact(request.Date, "yyyyMMdd'T'HHmmss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal)
                .AddMinutes(random.Next(21) - 10);
            if (signed.Verify(SecretKey, now) is { } refusal)
            {
                failures.Add($"#{i} refused ({refusal}): {Describe(signed)}");
                continue;
            }

            foreach (var (part, mutated) in Mutations.Of(request, signed, random))
            {
                // An unsigned payload is, by design, not protected: only its declaration is.
                var bodyIsUnsigned = part == "body" && request.Payload == PayloadMode.Unsigned;
                var verdict = mutated.Verify(SecretKey, now);
                if (bodyIsUnsigned ? verdict is not null : verdict is null)
                {
                    failures.Add($"#{i} {part} changed: {(verdict is null ? "accepted" : "refused: " + verdict)}: {Describe(mutated)}");
                }

                refused += verdict is null ? 0 : 1;
            }

            if (request.Payload == PayloadMode.Unsigned && signed.WithoutHeader(SdkHmacSigner.ContentSha256Header).Verify(SecretKey, now) is null)
            {
                failures.Add($"#{i} accepted without its UNSIGNED-PAYLOAD declaration: {Describe(signed)}");
            }

            // Headers with '_' are never signed (the gateway drops them), so changing one changes nothing.
            if (request.Headers.FirstOrDefault(h => h.Key.Contains('_', StringComparison.Ordinal)) is { Key: not null } underscore
                && signed.WithHeader(underscore.Key, underscore.Value + "changed").Verify(SecretKey, now) is { } wrongly)
            {
                failures.Add($"#{i} refused after an unsigned header changed ({wrongly}): {Describe(signed)}");
            }
        }

        // Then
        Assert.True(failures.Count == 0, $"{failures.Count} disagreements, first: {string.Join(Environment.NewLine, failures.Take(5))}");
        Assert.True(refused >= Count * 5, $"only {refused} mutated copies were refused");
        AssertCoverage(requests);
    }

    [Fact]
    public void Should_Refuse_A_Request_Signed_More_Than_15_Minutes_From_The_Server_Clock()
    {
        var request = new RandomRequestGenerator(Seed).Next();
        var signed = request.Sign(AccessKey, SecretKey);
        var signedAt = DateTimeOffset.ParseExact(request.Date, "yyyyMMdd'T'HHmmss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal);

        Assert.Null(signed.Verify(SecretKey, signedAt.AddMinutes(15)));
        Assert.Contains("15 minutes", signed.Verify(SecretKey, signedAt.AddMinutes(15).AddSeconds(1)));
        Assert.Contains("15 minutes", signed.Verify(SecretKey, signedAt.AddMinutes(-16)));
    }

    [Fact]
    public void Should_Refuse_Every_Request_Signed_With_Another_Secret_Key()
    {
        var random = new RandomRequestGenerator(Seed + 1);
        for (var i = 0; i < 50; i++)
        {
            var request = random.Next();
            var signed = request.Sign(AccessKey, SecretKey + "x");
            var signedAt = DateTimeOffset.ParseExact(request.Date, "yyyyMMdd'T'HHmmss'Z'", null, System.Globalization.DateTimeStyles.AssumeUniversal);

            Assert.Equal("signature mismatch", signed.Verify(SecretKey, signedAt));
        }
    }

    /// <summary>The generator really produced what the test claims to cover.</summary>
    private static void AssertCoverage(IReadOnlyList<RandomRequest> requests)
    {
        var features = new Dictionary<string, Func<RandomRequest, bool>>
        {
            ["unicode"] = r => r.HasUnicode,
            ["space"] = r => r.HasSpace,
            ["reserved characters"] = r => r.HasReserved,
            ["repeated query key"] = r => r.HasRepeatedKey,
            ["empty query value"] = r => r.HasEmptyValue,
            ["header name with _"] = r => r.HasUnderscoreHeader,
            ["body"] = r => r.Body.Length > 0,
            ["unsigned payload"] = r => r.Payload == PayloadMode.Unsigned,
            ["declared payload hash"] = r => r.Payload == PayloadMode.Declared,
            ["loose escaping"] = r => r.Style == WireStyle.Loose,
            ["lower-case hex"] = r => r.Style == WireStyle.LowerHex,
            ["trailing slash"] = r => r.TrailingSlash,
        };
        foreach (var (name, has) in features)
        {
            Assert.True(requests.Count(has) >= 30, $"only {requests.Count(has)} of {requests.Count} requests have {name}");
        }
    }

    private static string Describe(WireRequest request) =>
        $"{request.Method} {request.Target} [{string.Join(", ", request.Headers.Select(h => h.Key + ": " + h.Value))}] body {request.Body.Length} bytes";
}
